import { describe, expect, it } from 'vitest';
import { definition } from './definition';

describe('user-pool-sign-in definition', () => {
	it('offers the demo users of the default scenario as the `user` choice', () => {
		const user = definition.choices.find((c) => c.id === 'user')!;
		expect(user.default).toBe('alice');
		expect(user.options.map((o) => [o.value, o.tag])).toEqual([
			['alice', 'password'],
			['bob', 'MFA'],
			['carol', 'new password']
		]);
	});

	it('draws managed login and the attacker only in runs that bring them in', () => {
		expect(definition.actors.map((a) => [a.id, a.optional ?? false])).toEqual([
			['app', false],
			['user-pool', false],
			['managed-login', true],
			['attacker', true]
		]);
	});
});
