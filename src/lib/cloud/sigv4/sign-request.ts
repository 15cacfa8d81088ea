import { AwsV4Signer } from 'aws4fetch';
import type { WireRequest } from '../wire/http-message';
import { sha256Hex } from './crypto';
import { formatAmzDate } from './parse-authorization';

export interface SigningCredentials {
	accessKeyId: string;
	secretAccessKey: string;
	/** Temporary credentials carry one; it travels as `X-Amz-Security-Token`. */
	sessionToken?: string;
}

export interface SignRequestOptions {
	/** The signing name, e.g. `s3`, `cognito-identity`, `execute-api`. */
	service: string;
	region: string;
	/** The simulated clock's time, epoch ms: the request is stamped with it, not the host's. */
	now: number;
}

/**
 * Signs a request with Signature Version 4 as a client in the page does, with `aws4fetch` (about
 * 2.5 kB gzip, against about 10 kB for the SDK's `@smithy/signature-v4` with a SHA-256). Adds
 * `X-Amz-Date`, `X-Amz-Security-Token` when there is a session token, and `Authorization`.
 * For S3 it also sends `X-Amz-Content-Sha256` with the body's real hash, as `S3Client` does
 * (aws4fetch alone would send `UNSIGNED-PAYLOAD`).
 *
 * @example
 * const signed = await signRequest(request, credentials, { service: 's3', region, now: clock.now() });
 */
export async function signRequest(
	request: WireRequest,
	credentials: SigningCredentials,
	options: SignRequestOptions
): Promise<WireRequest> {
	const headers = new Headers();
	for (const [name, value] of request.headers) headers.append(name, value);
	if (options.service === 's3' && !headers.has('x-amz-content-sha256'))
		headers.set('x-amz-content-sha256', await sha256Hex(request.body));
	const signer = new AwsV4Signer({
		method: request.method,
		url: request.url,
		headers,
		body: request.body as BodyInit,
		accessKeyId: credentials.accessKeyId,
		secretAccessKey: credentials.secretAccessKey,
		sessionToken: credentials.sessionToken,
		service: options.service,
		region: options.region,
		datetime: formatAmzDate(options.now)
	});
	const signed = await signer.sign();
	return {
		method: signed.method,
		url: signed.url.toString(),
		headers: [...signed.headers].map(([name, value]) => [name.toLowerCase(), value]),
		body: request.body
	};
}
