import type { CloudFetch } from '../network';
import type { ServiceCall, ServiceContext } from '../service';
import { signRequest } from '../sigv4/sign-request';
import { AwsJsonCallError, callAwsJson } from '../wire/call-aws-json';
import { toResponse, toWireRequest } from '../wire/http-message';
import { backEndIamUserName } from './back-end-host';

/** What the identity pool answered to the back end's developer call. */
export type DeveloperTokenAnswer =
	| { ok: true; identityId: string; token: string }
	| { ok: false; type: string; message: string; status: number };

/**
 * GetOpenIdTokenForDeveloperIdentity from the back end (cognito.md §7.4): `Logins` maps the pool's
 * developer provider name to the user id the back end vouches for, and the request is signed with
 * SigV4 using the back end's IAM user key, dated by the simulated clock. Sent through `call`, so
 * it is a nested exchange drawn from the back end's lifeline. No `TokenDuration`: the token lasts
 * the default 15 minutes. Never rejects: a refusal (or a scenario without a key) is an answer.
 */
export async function requestDeveloperToken(
	context: ServiceContext,
	call: ServiceCall,
	userId: string
): Promise<DeveloperTokenAnswer> {
	const { scenario } = context;
	const key = scenario.iam.users.find((u) => u.name === backEndIamUserName)?.accessKeys[0];
	const provider = scenario.identityPool.developerProviderName;
	if (!key || !provider)
		return {
			ok: false,
			type: 'BackEndMisconfigured',
			message: `The back end needs ${backEndIamUserName}'s access key and the pool's developer provider name.`,
			status: 500
		};

	// The back end's own HTTP client: every request it sends is a nested exchange of this one
	const fetch: CloudFetch = async (input, init) =>
		toResponse(await call.send(await toWireRequest(input, init)));
	try {
		const answer = await callAwsJson<{ IdentityId: string; Token: string }>(fetch, {
			host: `cognito-identity.${scenario.region}.amazonaws.com`,
			targetPrefix: 'AWSCognitoIdentityService',
			operation: 'GetOpenIdTokenForDeveloperIdentity',
			body: { IdentityPoolId: scenario.identityPool.id, Logins: { [provider]: userId } },
			sign: (request) =>
				signRequest(request, key, {
					service: 'cognito-identity',
					region: scenario.region,
					now: context.clock.now()
				})
		});
		return { ok: true, identityId: answer.IdentityId, token: answer.Token };
	} catch (error) {
		if (error instanceof AwsJsonCallError)
			return { ok: false, type: error.type, message: error.serviceMessage, status: error.status };
		const message = error instanceof Error ? error.message : String(error);
		return { ok: false, type: 'NetworkError', message, status: 502 };
	}
}
