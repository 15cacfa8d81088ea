import { describe, expect, it } from 'vitest';
import {
	base64Decode,
	base64DecodeTolerant,
	base64Encode,
	base64UrlDecode,
	base64UrlEncode
} from './base64';
import { utf8Decode, utf8Encode } from './utf8';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('base64Encode / base64Decode', () => {
	it('uses the standard alphabet with padding (RFC 4648 test vectors)', () => {
		const vectors = ['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy'];
		vectors.forEach((encoded, length) => {
			const raw = utf8Encode('foobar'.slice(0, length));
			expect(base64Encode(raw)).toBe(encoded);
			expect(base64Decode(encoded)).toEqual(raw);
		});
		expect(base64Encode(bytes(251, 255))).toBe('+/8=');
	});

	it('encodes inputs larger than one String.fromCharCode chunk', () => {
		const large = new Uint8Array(0x8000 * 2 + 3).map((_, i) => (i * 7) % 256);
		const decoded = base64Decode(base64Encode(large));
		expect(decoded.length).toBe(large.length);
		expect(decoded.every((byte, i) => byte === large[i])).toBe(true);
	});

	it('decodes strictly: missing padding, URL-safe letters or whitespace throw a TypeError', () => {
		for (const bad of ['+/8', '-_8=', 'Zm 9v', 'Zm9v\n', 'Z===', 'Zm9v=']) {
			expect(() => base64Decode(bad)).toThrow(
				new TypeError(`Expected standard base64 with padding, received ${JSON.stringify(bad)}`)
			);
		}
	});
});

describe('base64DecodeTolerant', () => {
	it('accepts standard and URL-safe base64, padded or not, as Amplify v6 does for SECRET_BLOCK', () => {
		for (const text of ['+/8=', '+/8', '-_8=', '-_8']) {
			expect(base64DecodeTolerant(text)).toEqual(bytes(251, 255));
		}
	});

	it('throws a TypeError for other characters or an impossible length', () => {
		for (const bad of ['a', 'ab=c', '!!!!', 'Zm9v===', 'Zm 9v', '=', 'Zg=', 'Zm9v=', 'Zm9v==']) {
			expect(() => base64DecodeTolerant(bad)).toThrow(
				new TypeError(`Expected base64 or base64url, received ${JSON.stringify(bad)}`)
			);
		}
	});
});

describe('base64UrlEncode / base64UrlDecode', () => {
	it('uses - and _ without padding, as JWT segments do', () => {
		expect(base64UrlEncode(bytes(251, 255))).toBe('-_8');
		expect(base64UrlDecode('-_8')).toEqual(bytes(251, 255));
		expect(base64UrlEncode(utf8Encode('{"alg":"RS256"}'))).toBe('eyJhbGciOiJSUzI1NiJ9');
	});

	it('throws a TypeError for padding or the standard alphabet', () => {
		for (const bad of ['-_8=', '+/8', 'a']) {
			expect(() => base64UrlDecode(bad)).toThrow(
				new TypeError(`Expected base64url without padding, received ${JSON.stringify(bad)}`)
			);
		}
	});
});

describe('utf8Encode / utf8Decode', () => {
	it('round-trips non-ASCII text and refuses invalid UTF-8 with a TypeError', () => {
		expect(utf8Encode('é€😀')).toEqual(bytes(195, 169, 226, 130, 172, 240, 159, 152, 128));
		expect(utf8Decode(utf8Encode('é€😀'))).toBe('é€😀');
		expect(() => utf8Decode(bytes(0xc3))).toThrow(TypeError);
	});
});
