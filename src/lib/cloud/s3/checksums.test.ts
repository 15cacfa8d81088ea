import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '$lib/cloud/wire';
import { checksumOf, crc32, crc32c, crc64nvme } from './checksums';

// Check values from the CRC catalogue (reveng.sourceforge.io): the CRC of the ASCII "123456789".
describe('S3 checksums', () => {
	const check = utf8Bytes('123456789');

	it('CRC-32, CRC-32C and CRC-64/NVME give the catalogue check values', () => {
		expect(crc32(check)).toBe(0xcbf43926);
		expect(crc32c(check)).toBe(0xe3069283);
		expect(crc64nvme(check)).toBe(0xae8b14860a799888n);
	});

	it('are sent as base64 of the big-endian value, SHA-1 and SHA-256 as base64 digests', async () => {
		expect(await checksumOf('crc32', check)).toBe('y/Q5Jg==');
		expect(await checksumOf('crc64nvme', check)).toBe('rosUhgp5mIg=');
		expect(await checksumOf('sha256', utf8Bytes(''))).toBe(
			'47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='
		);
	});
});
