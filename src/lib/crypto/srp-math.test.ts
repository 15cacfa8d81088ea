import { describe, expect, it } from 'vitest';
import { modPow } from './mod-pow';
import { padHex } from './pad-hex';
import { SRP_G, SRP_K, SRP_N } from './srp-constants';
import { srpHexHash } from './srp-hex-hash';

describe('modPow', () => {
	it('computes base^exponent mod modulus', () => {
		expect(modPow(2n, 10n, 1000n)).toBe(24n);
		expect(modPow(3n, 0n, 7n)).toBe(1n);
		expect(modPow(5n, 3n, 1n)).toBe(0n);
		expect(modPow(4n, 13n, 497n)).toBe(445n);
	});

	it('reduces a negative base into [0, N) first, as the SRP client base B − k·g^x needs', () => {
		expect(modPow(-2n, 3n, 7n)).toBe(6n); // (−8) mod 7 = 6, not −1
		expect(modPow(-SRP_N - 2n, 3n, SRP_N)).toBe(SRP_N - 8n);
	});

	it('agrees with Fermat: g^(N−1) mod N = 1 for the 3072-bit prime', () => {
		expect(modPow(SRP_G, SRP_N - 1n, SRP_N)).toBe(1n);
	});

	it('throws a RangeError for a negative exponent or a non-positive modulus', () => {
		expect(() => modPow(2n, -1n, 7n)).toThrow(
			new RangeError('modPow needs a non-negative exponent, received -1')
		);
		expect(() => modPow(2n, 1n, 0n)).toThrow(
			new RangeError('modPow needs a positive modulus, received 0')
		);
	});
});

describe('padHex', () => {
	it('pads to even length and prefixes 00 when the first digit is 8–f (reference §4.1)', () => {
		expect(padHex(20n)).toBe('14');
		expect(padHex(200n)).toBe('00c8');
		expect(padHex(2n)).toBe('02');
		expect(padHex(0n)).toBe('00');
		expect(padHex(0x7fn)).toBe('7f');
		expect(padHex(0x80n)).toBe('0080');
		expect(padHex(0x123n)).toBe('0123');
		expect(padHex(0x823n)).toBe('0823');
	});

	it('gives N 770 digits: 768 plus the 00 that keeps its top bit from reading as a sign', () => {
		expect(padHex(SRP_N)).toHaveLength(770);
		expect(padHex(SRP_N).startsWith('00ffff')).toBe(true);
	});

	it('throws a RangeError for a negative value', () => {
		expect(() => padHex(-1n)).toThrow(
			new RangeError('padHex needs a non-negative integer, received -1')
		);
	});
});

describe('SRP constants', () => {
	it('N is the 3072-bit RFC 3526 group 15 prime and g = 2', () => {
		expect(SRP_N.toString(2)).toHaveLength(3072);
		expect(SRP_G).toBe(2n);
	});

	it('k = H(padHex(N) ‖ padHex(g)), with g as the single byte 02 (reference §4.2)', async () => {
		expect(await srpHexHash(padHex(SRP_N) + padHex(SRP_G))).toBe(SRP_K.toString(16));
		expect(SRP_K.toString(16)).toBe(
			'538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6'
		);
	});
});
