/** What the user pool's sign-in calls answer, as the app keeps it (shared by every flow that signs in). */

/** The client's SRP secret `a` and public `A`, as hex (BigInt does not survive JSON). */
export interface SrpSecret {
	a: string;
	A: string;
}

/** `AuthenticationResult` of InitiateAuth / RespondToAuthChallenge. */
export interface SignInTokens {
	idToken: string;
	accessToken: string;
	/** Absent from a REFRESH_TOKEN_AUTH answer: the app keeps the one it has. */
	refreshToken?: string;
	expiresIn: number;
	tokenType: string;
}

/** What the pool answered to a sign-in call: tokens, or the next challenge. */
export type AuthAnswer =
	| { kind: 'tokens'; tokens: SignInTokens }
	| {
			kind: 'challenge';
			challengeName: 'SOFTWARE_TOKEN_MFA' | 'NEW_PASSWORD_REQUIRED';
			session: string;
			parameters: Record<string, string>;
	  };

export interface PasswordVerifierChallenge {
	srp: SrpSecret;
	/** `Session` of the InitiateAuth answer, if the pool sent one. */
	session: string | null;
	/** `SALT`, `SRP_B`, `SECRET_BLOCK`, `USERNAME`, `USER_ID_FOR_SRP`. */
	parameters: Record<string, string>;
}

export interface RefreshResult {
	tokens: SignInTokens;
	/** Whether the answer carried a `RefreshToken` key at all (it should not). */
	returnedRefreshToken: boolean;
}
