import { fromPromise } from 'xstate';
import { signRequest } from '$lib/cloud/sigv4';
import {
	bodyText,
	parseXml,
	utf8Bytes,
	type WireRequest,
	type WireResponse,
	type XmlNode
} from '$lib/cloud/wire';
import type { IdentityCredentials } from './get-credentials';

/** What an S3 call answered: the operation, the key or prefix asked for, status and body. */
export interface S3Answer {
	operation: 'PutObject' | 'GetObject' | 'ListObjectsV2';
	/** The object key, or the prefix of a listing. */
	key: string;
	status: number;
	/** The object's text for GetObject; the listed keys for ListObjectsV2. */
	body?: string;
	keys?: string[];
}

/** S3 answered with its XML error: `<Error><Code>…</Code><Message>…</Message></Error>`. */
export class S3CallError extends Error {
	override name = 'S3CallError';
	readonly code = 'ERR_S3_CALL';

	constructor(
		/** `<Code>`, e.g. `AccessDenied`, `ExpiredToken`, `InvalidArgument`. */
		readonly s3Code: string,
		readonly s3Message: string,
		readonly status: number
	) {
		super(`${s3Code}: ${s3Message}`);
	}
}

/** How the app authenticates an S3 request. */
export type S3Auth =
	/** Signature Version 4 with the identity's credentials, stamped at `now` (simulated epoch ms). */
	| { kind: 'sigv4'; credentials: IdentityCredentials; now: number }
	/** A mistake: a token sent as a bearer token, as to an own API (S3 wants SigV4). */
	| { kind: 'bearer'; token: string };

export interface S3CallInput {
	send: (request: WireRequest) => Promise<WireResponse>;
	region: string;
	bucket: string;
	operation: S3Answer['operation'];
	/** The object key, or the prefix to list. */
	key: string;
	/** PutObject's text. */
	body?: string;
	auth: S3Auth;
}

/** A key in a path as S3 clients write it: each segment percent-encoded, the slashes kept. */
const keyPath = (key: string) => key.split('/').map(encodeURIComponent).join('/');

/**
 * One S3 REST call to `<bucket>.s3.<region>.amazonaws.com` (virtual-hosted style), as `S3Client`
 * sends PutObject, GetObject and ListObjectsV2, signed with `signRequest` at the simulated time.
 * Resolves with what S3 answered; rejects with `S3CallError` when S3 answers its XML error.
 *
 * @example await callS3({ send, region, bucket, operation: 'GetObject', key, auth })
 */
export async function callS3(input: S3CallInput): Promise<S3Answer> {
	const host = `${input.bucket}.s3.${input.region}.amazonaws.com`;
	const list = input.operation === 'ListObjectsV2';
	const url = list
		? `https://${host}/?list-type=2&prefix=${encodeURIComponent(input.key)}`
		: `https://${host}/${keyPath(input.key)}`;
	let request: WireRequest = {
		method: input.operation === 'PutObject' ? 'PUT' : 'GET',
		url,
		headers: input.operation === 'PutObject' ? [['content-type', 'text/plain; charset=utf-8']] : [],
		body: utf8Bytes(input.body ?? '')
	};
	request =
		input.auth.kind === 'sigv4'
			? await signRequest(
					request,
					{
						accessKeyId: input.auth.credentials.accessKeyId,
						secretAccessKey: input.auth.credentials.secretKey,
						sessionToken: input.auth.credentials.sessionToken
					},
					{ service: 's3', region: input.region, now: input.auth.now }
				)
			: {
					...request,
					headers: [...request.headers, ['authorization', `Bearer ${input.auth.token}`]]
				};

	const response = await input.send(request);
	const text = bodyText(response);
	if (response.status >= 300) {
		const error = element(parseXmlSafely(text).Error);
		throw new S3CallError(
			textOf(error.Code) ?? `HTTP ${response.status}`,
			textOf(error.Message) ?? '',
			response.status
		);
	}
	const answer: S3Answer = { operation: input.operation, key: input.key, status: response.status };
	if (input.operation === 'GetObject') answer.body = text;
	if (list) {
		const contents = element(parseXmlSafely(text).ListBucketResult).Contents;
		const entries = contents === undefined ? [] : Array.isArray(contents) ? contents : [contents];
		answer.keys = entries.map((e) => textOf(element(e).Key) ?? '');
	}
	return answer;
}

export const callS3Actor = fromPromise<S3Answer, S3CallInput>(({ input }) => callS3(input));

function parseXmlSafely(text: string) {
	try {
		return parseXml(text);
	} catch {
		return {};
	}
}

function element(node: XmlNode | XmlNode[] | undefined): Record<string, XmlNode | XmlNode[]> {
	return typeof node === 'object' && !Array.isArray(node) ? node : {};
}

function textOf(node: XmlNode | XmlNode[] | undefined): string | undefined {
	return typeof node === 'string' ? node : undefined;
}
