import type { ServiceCall, ServiceContext } from '../service';
import { signRequest } from '../sigv4';
import { awsJson11ContentType } from '../wire/aws-json-response';
import { bodyText, utf8Bytes, type WireRequest } from '../wire/http-message';
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

	const unsigned: WireRequest = {
		method: 'POST',
		url: `https://cognito-identity.${scenario.region}.amazonaws.com/`,
		headers: [
			['content-type', awsJson11ContentType],
			['x-amz-target', 'AWSCognitoIdentityService.GetOpenIdTokenForDeveloperIdentity']
		],
		body: utf8Bytes(
			JSON.stringify({ IdentityPoolId: scenario.identityPool.id, Logins: { [provider]: userId } })
		)
	};
	const request = await signRequest(unsigned, {
		credentials: key,
		region: scenario.region,
		service: 'cognito-identity',
		now: context.clock.now()
	});
	const response = await call.send(request);
	const body = parse(bodyText(response));
	if (response.status === 200 && typeof body.IdentityId === 'string' && typeof body.Token === 'string')
		return { ok: true, identityId: body.IdentityId, token: body.Token };
	const type = typeof body.__type === 'string' ? body.__type.split('#').pop()! : `HTTP ${response.status}`;
	const message = typeof body.message === 'string' ? body.message : response.statusText;
	return { ok: false, type, message, status: response.status };
}

function parse(text: string): Record<string, unknown> {
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}
