import {
	accessClaims,
	createTestPool,
	encryptRefreshToken,
	idClaims,
	sign,
	type TestPool
} from './test-tokens.fixture';

/**
 * Test-only: one pool of real keys per test file, made on import (RSA generation is slow, as in
 * tests/support/test-keys.ts). Apart from `test-tokens.fixture.ts` so that files needing only
 * claims do not pay for it.
 */
export const testPool: TestPool = await createTestPool();

export interface SignInTokens {
	idToken: string;
	accessToken: string;
	refreshToken: string;
}

/**
 * The three tokens of a default sign-in's AuthenticationResult, made with `testPool`'s keys.
 *
 * @example const { idToken, accessToken, refreshToken } = await signInTokens();
 */
export async function signInTokens(): Promise<SignInTokens> {
	const [idToken, accessToken, refreshToken] = await Promise.all([
		sign(idClaims(), testPool.idKey),
		sign(accessClaims(), testPool.accessKey),
		encryptRefreshToken(testPool)
	]);
	return { idToken, accessToken, refreshToken };
}
