import {
	InitiateAuthCommand,
	RespondToAuthChallengeCommand,
	type CognitoIdentityProviderClient,
	type RespondToAuthChallengeCommandOutput
} from '@aws-sdk/client-cognito-identity-provider';
import {
	computeSecretHash,
	formatSrpTimestamp,
	srpClientSignature,
	srpClientStart
} from '$lib/crypto';
import { advanceTime } from './pinned-time';

export interface SrpSignIn {
	poolId: string;
	clientId: string;
	clientSecret?: string;
	username: string;
	password: string;
	/** Stamp the claim at this time instead of the host's now. */
	timestamp?: Date;
	/** Move the pinned clock this far between the challenge and the answer (see `pinTime`). */
	thinkMs?: number;
}

/**
 * USER_SRP_AUTH through the SDK, the client side computed by the crypto layer: InitiateAuth,
 * then RespondToAuthChallenge PASSWORD_VERIFIER. Returns the second answer (tokens or the next
 * challenge).
 */
export async function srpSignIn(
	client: CognitoIdentityProviderClient,
	p: SrpSignIn
): Promise<RespondToAuthChallengeCommandOutput> {
	const { a, A, srpA } = srpClientStart();
	const hash = (name: string) =>
		p.clientSecret ? computeSecretHash(name, p.clientId, p.clientSecret) : undefined;
	const start = await client.send(
		new InitiateAuthCommand({
			AuthFlow: 'USER_SRP_AUTH',
			ClientId: p.clientId,
			AuthParameters: {
				USERNAME: p.username,
				SRP_A: srpA,
				...(p.clientSecret ? { SECRET_HASH: (await hash(p.username))! } : {})
			}
		})
	);
	if (p.thinkMs) advanceTime(p.thinkMs);
	const challenge = start.ChallengeParameters ?? {};
	const userIdForSrp = challenge.USER_ID_FOR_SRP!;
	const timestamp = formatSrpTimestamp(p.timestamp ?? new Date());
	const { signature } = await srpClientSignature({
		poolName: p.poolId.split('_')[1]!,
		userIdForSrp,
		password: p.password,
		a,
		A,
		srpB: challenge.SRP_B!,
		salt: challenge.SALT!,
		secretBlock: challenge.SECRET_BLOCK!,
		timestamp
	});
	return client.send(
		new RespondToAuthChallengeCommand({
			ClientId: p.clientId,
			ChallengeName: 'PASSWORD_VERIFIER',
			Session: start.Session,
			ChallengeResponses: {
				USERNAME: userIdForSrp,
				PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK!,
				PASSWORD_CLAIM_SIGNATURE: signature,
				TIMESTAMP: timestamp,
				...(p.clientSecret ? { SECRET_HASH: (await hash(userIdForSrp))! } : {})
			}
		})
	);
}
