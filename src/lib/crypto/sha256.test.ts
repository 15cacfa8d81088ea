import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from './hex';
import { hmacSha256, sha256 } from './sha256';
import { timingSafeEqual } from './timing-safe-equal';
import { utf8Encode } from './utf8';

describe('sha256 / hmacSha256', () => {
	it('hashes the FIPS 180-2 "abc" vector', async () => {
		expect(bytesToHex(await sha256(utf8Encode('abc')))).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});

	it('signs the RFC 4231 test case 2 vector', async () => {
		const mac = await hmacSha256(utf8Encode('Jefe'), utf8Encode('what do ya want for nothing?'));
		expect(bytesToHex(mac)).toBe(
			'5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'
		);
	});

	it('hashes only the bytes of a view, not the whole buffer behind it', async () => {
		const view = hexToBytes('ff616263ff').subarray(1, 4);
		expect(await sha256(view)).toEqual(await sha256(utf8Encode('abc')));
	});
});

describe('timingSafeEqual', () => {
	it('is true only for the same bytes of the same length', () => {
		expect(timingSafeEqual(hexToBytes('00ff'), hexToBytes('00ff'))).toBe(true);
		expect(timingSafeEqual(hexToBytes('00ff'), hexToBytes('00fe'))).toBe(false);
		expect(timingSafeEqual(hexToBytes('00ff'), hexToBytes('00ff00'))).toBe(false);
		expect(timingSafeEqual(new Uint8Array(), new Uint8Array())).toBe(true);
	});
});
