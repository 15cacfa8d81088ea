import { describe, expect, it } from 'vitest';
import { createAccount } from '../account';
import { createClock } from '../clock';
import { createRandom } from '../random';
import { resolveScenario } from '../scenario';
import { createUserPoolModel } from './model';
import { signInActive } from './sign-in-active';

const at = Date.UTC(2026, 11, 2, 10);

function pool() {
	const scenario = resolveScenario();
	const random = createRandom();
	const clock = createClock({ fixed: at });
	return createUserPoolModel({ scenario, clock, random, account: createAccount(scenario, random) });
}

const alice = {
	sub: 'a11ce000-1111-4aaa-8aaa-000000000001',
	'cognito:username': 'alice',
	iat: at / 1000
};

describe('signInActive (what ServerSideTokenCheck asks the user pool)', () => {
	it('holds for a user who exists, is enabled and has not signed out', () => {
		expect(signInActive(pool(), alice)).toBe(true);
		expect(signInActive(pool(), { ...alice, origin_jti: 'o-1' })).toBe(true);
	});

	it('fails for an unknown user, another sub, or a disabled user', () => {
		const model = pool();
		expect(signInActive(model, { ...alice, 'cognito:username': 'zed' })).toBe(false);
		expect(signInActive(model, { ...alice, sub: 'other' })).toBe(false);
		model.findUser('alice')!.enabled = false;
		expect(signInActive(model, alice)).toBe(false);
	});

	it('fails for a revoked sign-in (origin_jti), or a token issued before GlobalSignOut', () => {
		const model = pool();
		model.revokedOrigins.add('o-1');
		expect(signInActive(model, { ...alice, origin_jti: 'o-1' })).toBe(false);
		model.findUser('alice')!.signedOutAt = at;
		expect(signInActive(model, alice)).toBe(false);
		expect(signInActive(model, { ...alice, iat: at / 1000 + 1 })).toBe(true);
	});
});
