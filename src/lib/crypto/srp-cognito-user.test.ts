import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import AuthenticationHelper from 'amazon-cognito-identity-js/lib/AuthenticationHelper';
import BigInteger from 'amazon-cognito-identity-js/lib/BigInteger';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { base64Encode, base64UrlEncode } from './base64';
import { hexToBytes } from './hex';
import { srpClientStart } from './srp-client';
import { fixedBytes } from './srp-known-answer.fixture';
import { srpCreateVerifier, srpIsValidA, srpServerStart, srpServerVerify } from './srp-server';
import { formatSrpTimestamp, parseSrpTimestamp } from './srp-timestamp';
import { utf8Encode } from './utf8';

const USER_POOL_ID = 'us-east-1_AbCdEf123';
const POOL_NAME = 'AbCdEf123';
const CLIENT_ID = '1example23456789abcdefghij';
// Cognito answers with the user's internal name; the client hashes that, not what was typed
const USER_ID_FOR_SRP = 'd4a1c0de-7e57-4b1d-9000-00000000a11c';
// Bytes whose base64 contains '+' and '/', to exercise the decoding of SECRET_BLOCK on both sides
const SECRET_BLOCK = base64Encode(hexToBytes('fbff' + 'be'.repeat(30)));
const NOW = new Date('2026-12-02T09:05:07Z');

type Request = (operation: string, params: Record<string, unknown>, callback: Callback) => void;
type Callback = (error: unknown, data?: unknown) => void;

// The client only decodes the tokens it receives; it never checks their signatures
const segment = (json: object) => base64UrlEncode(utf8Encode(JSON.stringify(json)));
const fakeJwt = (payload: object) => `${segment({ alg: 'none' })}.${segment(payload)}.signature`;

/**
 * A user pool reduced to USER_SRP_AUTH, built on the crypto layer, behind the real client's
 * request function. Records the challenge responses it saw.
 */
async function stubbedPool(password: string) {
	const { salt, verifier } = await srpCreateVerifier({
		poolName: POOL_NAME,
		username: USER_ID_FOR_SRP,
		password,
		randomBytes: () => hexToBytes('8f'.repeat(16))
	});
	const seen: Record<string, string>[] = [];
	const sentA: string[] = [];
	let session: { A: bigint; b: bigint; B: bigint } | undefined;

	const request: Request = (operation, params, callback) => {
		void (async () => {
			if (operation === 'InitiateAuth') {
				const { SRP_A } = params.AuthParameters as Record<string, string>;
				sentA.push(SRP_A ?? '');
				if (SRP_A === undefined || !srpIsValidA(SRP_A)) {
					return callback({ code: 'InvalidParameterException', message: 'Invalid SRP_A' });
				}
				const { b, B, srpB } = srpServerStart({ verifier, b: BigInt(`0x${'5e'.repeat(32)}`) });
				session = { A: BigInt(`0x${SRP_A}`), b, B };
				return callback(null, {
					ChallengeName: 'PASSWORD_VERIFIER',
					ChallengeParameters: {
						SALT: salt,
						SRP_B: srpB,
						SECRET_BLOCK,
						USERNAME: USER_ID_FOR_SRP,
						USER_ID_FOR_SRP
					}
				});
			}
			const responses = params.ChallengeResponses as Record<string, string>;
			seen.push(responses);
			const accepted =
				session !== undefined &&
				(await srpServerVerify({
					poolName: POOL_NAME,
					userIdForSrp: responses.USERNAME ?? '',
					verifier,
					salt,
					...session,
					secretBlock: responses.PASSWORD_CLAIM_SECRET_BLOCK ?? '',
					timestamp: responses.TIMESTAMP ?? '',
					signature: responses.PASSWORD_CLAIM_SIGNATURE ?? ''
				}));
			if (!accepted) {
				return callback({
					code: 'NotAuthorizedException',
					name: 'NotAuthorizedException',
					message: 'Incorrect username or password.'
				});
			}
			const iat = Math.floor(NOW.getTime() / 1000);
			return callback(null, {
				ChallengeParameters: {},
				AuthenticationResult: {
					AccessToken: fakeJwt({ token_use: 'access', iat, exp: iat + 3600 }),
					IdToken: fakeJwt({ token_use: 'id', iat, exp: iat + 3600 }),
					RefreshToken: 'refresh',
					ExpiresIn: 3600,
					TokenType: 'Bearer'
				}
			});
		})().catch(callback);
	};

	const pool = new CognitoUserPool({ UserPoolId: USER_POOL_ID, ClientId: CLIENT_ID });
	(pool as unknown as { client: { request: Request } }).client.request = request;
	return { pool, seen, sentA };
}

function signIn(pool: CognitoUserPool, password: string): Promise<'success' | string> {
	const user = new CognitoUser({ Username: 'alice', Pool: pool });
	const details = new AuthenticationDetails({ Username: 'alice', Password: password });
	return new Promise((resolve) => {
		user.authenticateUser(details, {
			onSuccess: () => resolve('success'),
			onFailure: (error: { code?: string; message?: string }) =>
				resolve(`${error.code}: ${error.message}`)
		});
	});
}

describe('USER_SRP_AUTH with the real amazon-cognito-identity-js CognitoUser', () => {
	beforeEach(() => {
		// Pin the client's clock and its secret a (32 bytes, as in the reference KAT, which also
		// keeps JSBN's modPow quick); CognitoUser builds its AuthenticationHelper internally
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(NOW);
		vi.spyOn(AuthenticationHelper.prototype, 'generateRandomSmallA').mockReturnValue(
			new BigInteger('c3'.repeat(32), 16)
		);
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.restoreAllMocks();
	});

	it('signs in: srpServerVerify accepts what CognitoUser.authenticateUser sends', async () => {
		const { pool, seen, sentA } = await stubbedPool('Passw0rd!');
		expect(await signIn(pool, 'Passw0rd!')).toBe('success');
		expect(sentA).toEqual([srpClientStart(fixedBytes('c3'.repeat(32))).srpA]);
		expect(seen).toHaveLength(1);
		expect(seen[0]).toMatchObject({
			USERNAME: USER_ID_FOR_SRP,
			PASSWORD_CLAIM_SECRET_BLOCK: SECRET_BLOCK,
			// Day 2 of the month, not 02: the format formatSrpTimestamp reproduces and parses back
			TIMESTAMP: 'Wed Dec 2 09:05:07 UTC 2026'
		});
		expect(seen[0]?.TIMESTAMP).toBe(formatSrpTimestamp(NOW));
		expect(parseSrpTimestamp(seen[0]?.TIMESTAMP ?? '')).toEqual(NOW);
	});

	it('refuses a wrong password with NotAuthorizedException', async () => {
		const { pool } = await stubbedPool('Passw0rd!');
		expect(await signIn(pool, 'Passw0rd?')).toBe(
			'NotAuthorizedException: Incorrect username or password.'
		);
	});
});
