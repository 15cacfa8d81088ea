import { fromPromise } from 'xstate';
import type { CloudFetch } from '$lib/cloud';
import { readOutcome } from '$lib/cloud/wire';
import { OAuthRefusal } from '../google-flow-failure';

export interface AskUserPoolInput {
	fetch: CloudFetch;
	/** `https://<domain>/oauth2/userInfo` of the user pool's managed login. */
	userInfoUrl: string;
	/** The token the app presents: by mistake, Google's ID token. */
	token: string;
}

/**
 * Mistake `provider-token-to-user-pool`: the app asks the user pool's userInfo endpoint who
 * signed in, presenting Google's ID token as a bearer token. userInfo takes only access tokens
 * the user pool issued (cognito.md §5.4) and answers 401 with the reason in `WWW-Authenticate`
 * (read by `readOutcome`), which rejects as an `OAuthRefusal` from managed login. Resolves with the claims it answered.
 */
export async function askUserPool(input: AskUserPoolInput): Promise<Record<string, unknown>> {
	const response = await input.fetch(input.userInfoUrl, {
		headers: { authorization: `Bearer ${input.token}` }
	});
	const body = await response.text();
	if (!response.ok) {
		const outcome = readOutcome({ status: response.status, headers: [...response.headers], body });
		throw new OAuthRefusal({
			service: 'managed-login',
			code: outcome.code ?? String(response.status),
			message: outcome.message ?? '',
			status: response.status
		});
	}
	return JSON.parse(body) as Record<string, unknown>;
}

export const askUserPoolActor = fromPromise<Record<string, unknown>, AskUserPoolInput>(
	({ input }) => askUserPool(input)
);
