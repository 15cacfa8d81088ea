import { bodyText, readOutcome, utf8Bytes } from '$lib/cloud/wire';
import { ServiceRefusal } from './guest-access-failure';
import type { GuestAccessInput, GuestCredentials } from './guest-access-types';
import { objectUrl } from './object-url';
import { signWith } from './sign-with';

/** One S3 object request of the app. */
export interface S3Call {
	method: 'GET' | 'PUT';
	key: string;
	/** For `PUT`: the object's text and content type. */
	body?: { text: string; contentType: string };
}

/** A 2xx answer's content type and text. */
export interface S3Answer {
	contentType: string;
	text: string;
}

/**
 * Sends one S3 REST request for an object, signed with the guest's temporary credentials. Any
 * answer but a 2xx rejects as a `ServiceRefusal` with S3's own XML `<Code>` and `<Message>`.
 *
 * @example await callS3(input, credentials, { method: 'GET', key: 'public/welcome.txt' })
 */
export async function callS3(
	input: Pick<GuestAccessInput, 'fetch' | 'region' | 'now' | 'bucket'>,
	credentials: GuestCredentials,
	call: S3Call
): Promise<S3Answer> {
	const signed = await signWith(
		input,
		credentials,
		's3'
	)({
		method: call.method,
		url: objectUrl(input, call.key),
		headers: call.body ? [['content-type', call.body.contentType]] : [],
		body: utf8Bytes(call.body?.text ?? '')
	});
	const response = await input.fetch(signed.url, {
		method: signed.method,
		headers: signed.headers,
		...(call.body && { body: bodyText(signed) })
	});
	const text = await response.text();
	const outcome = readOutcome({
		status: response.status,
		headers: [...response.headers],
		body: text
	});
	if (!outcome.ok)
		throw new ServiceRefusal({
			service: 's3',
			code: outcome.code ?? String(response.status),
			message: outcome.message ?? '',
			status: response.status
		});
	return { contentType: response.headers.get('content-type') ?? '', text };
}
