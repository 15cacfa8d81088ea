import { describe, expect, it } from 'vitest';
import { findSrpValues, isSrpExchange, srpNote, srpSummary } from './srp-notes';

describe('findSrpValues', () => {
	it('notes every SRP value of a PASSWORD_VERIFIER challenge with its path', () => {
		const body = JSON.stringify({
			ChallengeName: 'PASSWORD_VERIFIER',
			ChallengeParameters: {
				SALT: '1f2e',
				SECRET_BLOCK: 'c2Vj',
				SRP_B: '66b2',
				USERNAME: 'alice',
				USER_ID_FOR_SRP: 'alice'
			},
			Session: 'AYAB'
		});
		const found = findSrpValues(body);
		expect(found.map((v) => v.path)).toEqual([
			'ChallengeParameters.SALT',
			'ChallengeParameters.SECRET_BLOCK',
			'ChallengeParameters.SRP_B',
			'ChallengeParameters.USER_ID_FOR_SRP'
		]);
		expect(isSrpExchange(found)).toBe(true);
	});

	it('notes the proof and SECRET_HASH in a RespondToAuthChallenge request', () => {
		const body = JSON.stringify({
			ChallengeResponses: {
				PASSWORD_CLAIM_SECRET_BLOCK: 'c2Vj',
				PASSWORD_CLAIM_SIGNATURE: 'wZPg',
				TIMESTAMP: 'Tue Nov 3 09:05:07 UTC 2026',
				SECRET_HASH: 'VbZB',
				USERNAME: 'alice'
			}
		});
		expect(findSrpValues(body).map((v) => v.name)).toEqual([
			'PASSWORD_CLAIM_SECRET_BLOCK',
			'PASSWORD_CLAIM_SIGNATURE',
			'TIMESTAMP',
			'SECRET_HASH'
		]);
	});

	it('finds nothing in a body that is not JSON, and does not call SECRET_HASH alone SRP', () => {
		expect(findSrpValues('{"SRP_A": ')).toEqual([]);
		expect(findSrpValues('SRP_A=1')).toEqual([]);
		expect(isSrpExchange(findSrpValues('{"SECRET_HASH":"x"}'))).toBe(false);
	});
});

describe('srpNote', () => {
	it('says the password never leaves the browser in an SRP sign-in only, and knows only its own names', () => {
		expect(srpSummary).toContain('In an SRP sign-in the password never leaves the browser');
		expect(srpSummary).toContain('Sign-up and password changes do send the password itself');
		expect(srpNote('PASSWORD_CLAIM_SIGNATURE')).toContain('without ever receiving the password');
		expect(srpNote('toString')).toBeUndefined();
	});
});
