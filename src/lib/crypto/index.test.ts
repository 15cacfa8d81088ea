import { describe, expect, it } from 'vitest';
import * as crypto from './index';

describe('crypto barrel', () => {
	it('is the one door: it exports exactly the layer API', () => {
		expect(Object.keys(crypto).sort()).toEqual(
			[
				'Base32InputError',
				'CryptoError',
				'SRP_G',
				'SRP_K',
				'SRP_N',
				'SrpIllegalBError',
				'SrpInvalidHexError',
				'SrpZeroUError',
				'accessTokenHash',
				'base32Decode',
				'base64Decode',
				'base64DecodeTolerant',
				'base64Encode',
				'base64UrlDecode',
				'base64UrlEncode',
				'bytesToHex',
				'computeSecretHash',
				'formatSrpTimestamp',
				'hexToBytes',
				'hmacSha256',
				'modPow',
				'padHex',
				'pkceChallenge',
				'parseSrpTimestamp',
				'randomBytes',
				'sha256',
				'srpClaimSignature',
				'srpClientSignature',
				'srpClientStart',
				'srpComputeU',
				'srpComputeX',
				'srpCreateVerifier',
				'srpDeriveKey',
				'srpIsValidA',
				'srpServerStart',
				'srpServerVerify',
				'timingSafeEqual',
				'totpCode',
				'totpUri',
				'totpVerify',
				'utf8Decode',
				'utf8Encode'
			].sort()
		);
	});

	it('runs a whole SRP sign-in through the barrel alone', async () => {
		const poolName = 'AbCdEf123';
		const userIdForSrp = 'alice';
		const { salt, verifier } = await crypto.srpCreateVerifier({
			poolName,
			username: userIdForSrp,
			password: 'Passw0rd!'
		});
		const client = crypto.srpClientStart();
		expect(crypto.srpIsValidA(client.srpA)).toBe(true);
		const server = crypto.srpServerStart({ verifier });
		const secretBlock = crypto.base64Encode(crypto.randomBytes(48));
		const timestamp = crypto.formatSrpTimestamp(new Date('2026-11-03T09:05:07Z'));
		const { signature } = await crypto.srpClientSignature({
			poolName,
			userIdForSrp,
			password: 'Passw0rd!',
			a: client.a,
			A: client.A,
			srpB: server.srpB,
			salt,
			secretBlock,
			timestamp
		});
		const accepted = await crypto.srpServerVerify({
			poolName,
			userIdForSrp,
			verifier,
			salt,
			A: client.A,
			b: server.b,
			B: server.B,
			secretBlock,
			timestamp,
			signature
		});
		expect(accepted).toBe(true);
	});
});
