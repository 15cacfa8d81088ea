import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from './hex';

describe('bytesToHex / hexToBytes', () => {
	it('writes two lowercase digits per byte, keeping leading zeros', () => {
		expect(bytesToHex(new Uint8Array([0, 10, 171, 255]))).toBe('000aabff');
		expect(bytesToHex(new Uint8Array())).toBe('');
	});

	it('reads hex of either case back to the same bytes', () => {
		expect(hexToBytes('000AabFF')).toEqual(new Uint8Array([0, 10, 171, 255]));
		expect(hexToBytes('')).toEqual(new Uint8Array());
	});

	it('throws a TypeError for odd-length or non-hex input rather than guessing', () => {
		for (const bad of ['abc', '0g', ' 00', '0x00']) {
			expect(() => hexToBytes(bad)).toThrow(
				new TypeError(`Expected an even-length hex string, received ${JSON.stringify(bad)}`)
			);
		}
	});
});
