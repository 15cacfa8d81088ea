import { describe, expect, it, vi } from 'vitest';
import { SrpZeroUError } from './errors';
import { srpClientSignature } from './srp-client';
import { katClientInput, katServerInput } from './srp-known-answer.fixture';
import { srpServerVerify } from './srp-server';

// u = 0 needs a SHA-256 preimage of zero, so this file forces it to test the guard itself
vi.mock('./srp-compute-u', () => ({ srpComputeU: async () => 0n }));

describe('u = H(padHex(A) ‖ padHex(B)) = 0', () => {
	it('makes srpClientSignature throw SrpZeroUError with code ERR_SRP_U_ZERO', async () => {
		const error = await srpClientSignature(katClientInput()).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SrpZeroUError);
		expect(error).toMatchObject({
			name: 'SrpZeroUError',
			code: 'ERR_SRP_U_ZERO',
			message:
				'U cannot be zero. u = H(padHex(A) + padHex(B)) is 0, so the password would not count.'
		});
	});

	it('makes srpServerVerify return false', async () => {
		const accepted = await srpServerVerify(await katServerInput({ verifier: 1n }));
		expect(accepted).toBe(false);
	});
});
