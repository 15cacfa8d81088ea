import type { CloudFetch } from '$lib/cloud';
import { readOutcome } from '$lib/cloud/wire/read-outcome';
import { UserPoolServiceError } from './sign-in-error';

/** The user pool operations the flows call. */
export type UserPoolOperation =
	'InitiateAuth' | 'RespondToAuthChallenge' | 'GetUser' | 'GlobalSignOut' | 'UpdateUserAttributes';

/**
 * One AWS JSON 1.1 call to the user pool API, sent as amazon-cognito-identity-js's `Client.request`
 * sends it (same headers, `POST /`, JSON body; members left out rather than sent as `null`, as the
 * SDK does). Resolves with the parsed body of a 2xx answer; rejects with `UserPoolServiceError`
 * for an AWS error, read by the one outcome reader the way both clients read it: body `__type` (or
 * `code`), the part after a `#`, else the `x-amzn-errortype` header up to its `:`.
 *
 * @example await callUserPool(fetch, 'us-east-1', 'GetUser', { AccessToken })
 */
export async function callUserPool<T>(
	fetch: CloudFetch,
	region: string,
	operation: UserPoolOperation,
	body: Record<string, unknown>
): Promise<T> {
	const response = await fetch(`https://cognito-idp.${region}.amazonaws.com/`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-amz-json-1.1',
			'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
			'X-Amz-User-Agent': 'aws-amplify/5.0.4',
			'Cache-Control': 'no-store'
		},
		body: JSON.stringify(body)
	});
	const answer = await response.text();
	const outcome = readOutcome({
		status: response.status,
		headers: [...response.headers],
		body: answer
	});
	if (!outcome.ok)
		throw new UserPoolServiceError(
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
