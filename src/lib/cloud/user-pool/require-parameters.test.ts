import { describe, expect, it } from 'vitest';
import { requireParameters } from './require-parameters';

describe('requireParameters', () => {
	it('returns the named parameters, and only those, when all are present', () => {
		const params = { USERNAME: 'alice', SRP_A: 'ab', SECRET_HASH: 'x' };
		expect(requireParameters(params, ['USERNAME', 'SRP_A'])).toEqual({
			USERNAME: 'alice',
			SRP_A: 'ab'
		});
	});

	it('refuses the first missing parameter, in the order given, as InvalidParameterException', () => {
		expect(() => requireParameters({}, ['USERNAME', 'SRP_A'])).toThrow(
			expect.objectContaining({
				type: 'InvalidParameterException',
				message: 'Missing required parameter USERNAME'
			})
		);
		expect(() => requireParameters({ USERNAME: 'alice' }, ['USERNAME', 'SRP_A'])).toThrow(
			expect.objectContaining({
				type: 'InvalidParameterException',
				message: 'Missing required parameter SRP_A'
			})
		);
	});
});
