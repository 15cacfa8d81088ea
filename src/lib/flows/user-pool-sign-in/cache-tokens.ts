import { decodeJwt } from 'jose';
import type { SignInTokens } from './sign-in-types';

/** The app's `localStorage` as plain data: key to value, in the order the values were written. */
export type TokenStorage = Record<string, string>;

/** The prefix amazon-cognito-identity-js puts in front of every key it writes. */
export const cognitoKeyPrefix = 'CognitoIdentityServiceProvider';

export interface CacheTokensInput {
	clientId: string;
	/** The name the library signed in as: `USER_ID_FOR_SRP` from the challenge, not what was typed. */
	username: string;
	tokens: SignInTokens;
	/** The browser's clock (epoch ms), for `clockDrift`. */
	now: number;
}

/**
 * What amazon-cognito-identity-js's `CognitoUser.cacheTokens()` writes to its storage, which is
 * `window.localStorage` unless the app passes another: the three tokens and the clock drift under
 * `CognitoIdentityServiceProvider.<clientId>.<username>.*`, then `LastAuthUser`. The drift is the
 * library's `calculateClockDrift()`: the browser's time in seconds minus the earlier of the two
 * tokens' `iat`. Returns a new storage with those keys set over `storage`.
 *
 * @example cacheTokens({}, { clientId, username: 'alice', tokens, now: clock.now() })
 * // -> { 'CognitoIdentityServiceProvider.<clientId>.alice.idToken': 'eyJ…', …, '….LastAuthUser': 'alice' }
 */
export function cacheTokens(storage: TokenStorage, input: CacheTokensInput): TokenStorage {
	const user = `${cognitoKeyPrefix}.${input.clientId}.${input.username}`;
	const { idToken, accessToken, refreshToken } = input.tokens;
	return {
		...storage,
		[`${user}.idToken`]: idToken,
		[`${user}.accessToken`]: accessToken,
		// The library writes whatever the session holds; a missing token becomes "undefined".
		[`${user}.refreshToken`]: String(refreshToken),
		[`${user}.clockDrift`]: String(clockDrift(input.now, idToken, accessToken)),
		[`${cognitoKeyPrefix}.${input.clientId}.LastAuthUser`]: input.username
	};
}

/** Where the library looks for the signed-in user's access token: via `LastAuthUser`. */
export function storedAccessToken(storage: TokenStorage, clientId: string): string | undefined {
	const user = storage[`${cognitoKeyPrefix}.${clientId}.LastAuthUser`];
	return user === undefined
		? undefined
		: storage[`${cognitoKeyPrefix}.${clientId}.${user}.accessToken`];
}

function clockDrift(now: number, idToken: string, accessToken: string): number {
	const iat = Math.min(issuedAt(accessToken), issuedAt(idToken));
	return Math.floor(now / 1000) - iat;
}

const issuedAt = (token: string): number => {
	try {
		return decodeJwt(token).iat ?? 0;
	} catch {
		return 0;
	}
};
