import type { Clock, CloudFetch } from '$lib/cloud';
import type { TokenStorage } from './cache-tokens';
import type { UserPoolSignInMistakeId } from './definition';
import type { SignInFailure } from '../shared/sign-in-error';
import type {
	AuthAnswer,
	PasswordVerifierChallenge,
	RefreshResult,
	SignInTokens
} from '../shared/sign-in-types';

/** Everything the app in the browser knows before the learner presses "Sign in". */
export interface UserPoolSignInInput {
	/** The app's network: every request of the flow goes through it (and is recorded). */
	fetch: CloudFetch;
	/** The attacker's network, for the mistakes that leak tokens (`cloud.fetchAs('attacker')`). */
	attackerFetch: CloudFetch;
	/** The simulated clock: SRP `TIMESTAMP`, TOTP codes and the `exp` checks read it. */
	clock: Clock;
	region: string;
	userPoolId: string;
	/**
	 * `https://<prefix>.auth.<region>.amazoncognito.com/oauth2/userInfo`: managed login's OIDC
	 * endpoint, which the app asks only by mistake (`api-token-at-userinfo`).
	 */
	userInfoUrl: string;
	client: { id: string; secret: string | null };
	user: {
		username: string;
		password: string;
		/** Answer to `NEW_PASSWORD_REQUIRED`. */
		newPassword?: string;
		/** The authenticator app's secret, for `SOFTWARE_TOKEN_MFA`. */
		totpSecret?: string;
	};
	/** What the app does wrong in this run (see `userPoolSignInMistakes`). */
	mistakes: readonly UserPoolSignInMistakeId[];
}

export interface VerifiedIdToken {
	header: { kid: string; alg: string };
	claims: Record<string, unknown>;
	/** The `kid`s the JWKS listed. */
	jwksKids: string[];
}

export interface UserAttributes {
	username: string;
	attributes: Record<string, string>;
}

export interface AccessTokenExpiry {
	/** The access token's `exp` (epoch seconds), read without verifying: only for scheduling. */
	exp: number;
	/** Simulated epoch ms before and after the clock moved. */
	from: number;
	to: number;
}

/** Machine context: the input plus only what came back from the pool (through `assign`). */
export interface UserPoolSignInContext {
	input: UserPoolSignInInput;
	challenge: PasswordVerifierChallenge | null;
	/** `USER_ID_FOR_SRP`: the name every later call uses instead of what the user typed. */
	userIdForSrp: string | null;
	/** The challenge that followed the password, if any. */
	nextChallenge: Extract<AuthAnswer, { kind: 'challenge' }> | null;
	tokens: SignInTokens | null;
	idToken: VerifiedIdToken | null;
	user: UserAttributes | null;
	expiry: AccessTokenExpiry | null;
	refresh: RefreshResult | null;
	/**
	 * The app's `localStorage`, with mistake `tokens-in-local-storage`: what
	 * amazon-cognito-identity-js writes there each time tokens arrive. `null` when the app keeps
	 * its tokens in memory (in this context, and nowhere else).
	 */
	localStorage: TokenStorage | null;
	/** What the injected script sent to the attacker's collector. */
	stolen: TokenStorage | null;
	/** What the pool told the attacker about the victim. */
	attackerView: UserAttributes | null;
	/** Set when the run ends in `failed`. */
	failure: SignInFailure | null;
}

// The sign-in calls' own types live with the calls, in `../shared`; this flow's files name them here.
export type {
	AuthAnswer,
	PasswordVerifierChallenge,
	RefreshResult,
	SignInTokens,
	SrpSecret
} from '../shared/sign-in-types';
