import type { CloudFetch } from '../network';
import { bodyText, type WireRequest } from './http-message';
import { awsJson11ContentType } from './aws-json-response';
import { readOutcome } from './read-outcome';

/** An AWS JSON 1.1 service answered with an error: its `__type`, message and HTTP status. */
export class AwsJsonCallError extends Error {
	override name = 'AwsJsonCallError';
	readonly code = 'ERR_AWS_JSON_CALL';

	constructor(
		/** The error name without namespace or `:` suffix, e.g. `NotAuthorizedException`. */
		readonly type: string,
		/** The service's message as sent (`UnknownError` when it sent none). */
		readonly serviceMessage: string,
		readonly status: number
	) {
		super(`${type}: ${serviceMessage}`);
	}
}

export interface AwsJsonCall {
	/** e.g. `cognito-identity.us-east-1.amazonaws.com`. */
	host: string;
	/** e.g. `AWSCognitoIdentityService`. */
	targetPrefix: string;
	/** e.g. `GetId`. */
	operation: string;
	body: Record<string, unknown>;
	/** Extra headers (a client's user agent, `Cache-Control`), sent after the protocol's own. */
	headers?: Record<string, string>;
	/** Signs the finished request (SigV4 for the developer operations) before it is sent. */
	sign?: (request: WireRequest) => Promise<WireRequest>;
}

/**
 * One AWS JSON 1.1 call, as the AWS clients send it: `POST /`, `Content-Type:
 * application/x-amz-json-1.1`, `X-Amz-Target: <prefix>.<operation>`, the JSON body (members left
 * out rather than sent as `null`). Resolves with the parsed body of a 2xx answer; rejects with
 * `AwsJsonCallError`, read by the one outcome reader the way the clients read it: body `__type`
 * (or `code`), the part after a `#`, else the `x-amzn-errortype` header up to its `:`.
 *
 * @example
 * const { IdentityId } = await callAwsJson<{ IdentityId: string }>(fetch, {
 *   host: 'cognito-identity.us-east-1.amazonaws.com', targetPrefix: 'AWSCognitoIdentityService',
 *   operation: 'GetId', body: { IdentityPoolId } });
 */
export async function callAwsJson<T>(fetch: CloudFetch, call: AwsJsonCall): Promise<T> {
	let request: WireRequest = {
		method: 'POST',
		url: `https://${call.host}/`,
		headers: [
			['content-type', awsJson11ContentType],
			['x-amz-target', `${call.targetPrefix}.${call.operation}`],
			...Object.entries(call.headers ?? {}).map(([n, v]): [string, string] => [n.toLowerCase(), v])
		],
		body: new TextEncoder().encode(JSON.stringify(call.body))
	};
	if (call.sign) request = await call.sign(request);
	const response = await fetch(request.url, {
		method: request.method,
		headers: request.headers,
		body: bodyText(request)
	});
	const answer = await response.text();
	const outcome = readOutcome({
		status: response.status,
		headers: [...response.headers],
		body: answer
	});
	if (!outcome.ok)
		throw new AwsJsonCallError(
			outcome.code ?? 'UnknownError',
			outcome.message ?? 'UnknownError',
			response.status
		);
	try {
		return JSON.parse(answer) as T;
	} catch {
		return {} as T;
	}
}
