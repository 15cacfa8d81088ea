import { fromPromise } from 'xstate';
import type { Clock, CloudFetch } from '$lib/cloud';
import { signRequest } from '$lib/cloud/sigv4';
import { bodyText, parseXml, utf8Bytes, type WireRequest } from '$lib/cloud/wire';
import { DeveloperFlowError } from '../developer-flow-error';
import type { Note, TemporaryCredentials } from '../developer-types';

interface S3CallInput {
	fetch: CloudFetch;
	clock: Clock;
	region: string;
	bucket: string;
	credentials: TemporaryCredentials;
}

export interface PutNoteInput extends S3CallInput {
	note: Note;
}

export interface ReadNoteInput extends S3CallInput {
	key: string;
}

/**
 * One S3 REST call on the bucket's virtual-hosted address, SigV4-signed with the temporary
 * credentials (session token included) at the simulated time. Resolves with the response body;
 * rejects with `DeveloperFlowError` carrying S3's XML `<Code>` and `<Message>`.
 */
async function callS3(
	input: S3CallInput,
	method: 'GET' | 'PUT',
	key: string,
	body?: { text: string; contentType: string }
): Promise<string> {
	// Each path segment is encoded once; the identity id's colon stays as it is (S3 accepts it)
	const path = key.split('/').map(encodeURIComponent).join('/').replace(/%3A/g, ':');
	const unsigned: WireRequest = {
		method,
		url: `https://${input.bucket}.s3.${input.region}.amazonaws.com/${path}`,
		headers: body ? [['content-type', body.contentType]] : [],
		body: body ? utf8Bytes(body.text) : new Uint8Array()
	};
	const request = await signRequest(unsigned, input.credentials, {
		service: 's3',
		region: input.region,
		now: input.clock.now()
	});
	const response = await input.fetch(request.url, {
		method: request.method,
		headers: request.headers,
		...(body && { body: bodyText(request) })
	});
	const text = await response.text();
	if (response.ok) return text;
	const error = readS3Error(text);
	throw new DeveloperFlowError(
		error.Code ?? `HTTP ${response.status}`,
		error.Message ?? response.statusText,
		response.status
	);
}

function readS3Error(text: string): { Code?: string; Message?: string } {
	try {
		const error = parseXml(text).Error;
		if (typeof error !== 'object' || error === null || Array.isArray(error)) return {};
		const { Code, Message } = error as Record<string, unknown>;
		return {
			...(typeof Code === 'string' && { Code }),
			...(typeof Message === 'string' && { Message })
		};
	} catch {
		return {};
	}
}

/** PutObject: the note under the identity's own prefix. */
export async function putNote(input: PutNoteInput): Promise<void> {
	await callS3(input, 'PUT', input.note.key, {
		text: input.note.body,
		contentType: 'text/plain; charset=utf-8'
	});
}

/** GetObject: resolves with the object's text. */
export function readNote(input: ReadNoteInput): Promise<string> {
	return callS3(input, 'GET', input.key);
}

export const putNoteActor = fromPromise<void, PutNoteInput>(({ input }) => putNote(input));
export const readNoteActor = fromPromise<string, ReadNoteInput>(({ input }) => readNote(input));
