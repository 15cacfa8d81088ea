import type { JWTPayload } from 'jose';
import type { RequestPrincipal } from '../iam';

const cognitoIdentity = 'cognito-identity.amazonaws.com';

/** Who a trust policy sees for a token, and the condition keys the token fills in. */
export interface WebIdentityPrincipal {
	principal: RequestPrincipal;
	/** `cognito-identity.amazonaws.com:aud|sub|amr`, or `<provider>:aud|sub` for another OIDC issuer. */
	context: Record<string, string | string[]>;
}

/**
 * The principal and condition keys of a verified token. An identity pool's token is the
 * `Federated` principal `cognito-identity.amazonaws.com` with `:aud`, `:sub` and the multi-valued
 * `:amr` (cognito.md §8.4, §9.1); any other OIDC issuer is the IAM OIDC provider named by the
 * issuer without `https://`, with `:aud` and `:sub`
 * [https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif].
 *
 * @example webIdentityPrincipal(claims, '111122223333').principal // { Federated: 'cognito-identity.amazonaws.com' }
 */
export function webIdentityPrincipal(
	claims: JWTPayload & { iss: string },
	accountId: string
): WebIdentityPrincipal {
	const provider = claims.iss.replace(/^https:\/\//, '');
	const context: Record<string, string | string[]> = {};
	const audience = strings(claims.aud);
	if (audience) context[`${provider}:aud`] = audience;
	if (typeof claims.sub === 'string') context[`${provider}:sub`] = claims.sub;
	if (provider !== cognitoIdentity)
		return {
			principal: { Federated: `arn:aws:iam::${accountId}:oidc-provider/${provider}` },
			context
		};
	context[`${cognitoIdentity}:amr`] = strings(claims.amr) ?? [];
	return { principal: { Federated: cognitoIdentity }, context };
}

function strings(value: unknown): string | string[] | undefined {
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
	return undefined;
}
