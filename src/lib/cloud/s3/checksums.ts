import { sha256Hex } from '../sigv4/crypto';

/** A reflected CRC over bytes, with its table built on first use. */
function reflectedCrc32(polynomial: number): (data: Uint8Array) => number {
	let table: Uint32Array | undefined;
	return (data) => {
		if (!table) {
			table = new Uint32Array(256);
			for (let n = 0; n < 256; n++) {
				let c = n;
				for (let k = 0; k < 8; k++) c = c & 1 ? polynomial ^ (c >>> 1) : c >>> 1;
				table[n] = c >>> 0;
			}
		}
		let crc = 0xffffffff;
		for (const byte of data) crc = table[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
		return (crc ^ 0xffffffff) >>> 0;
	};
}

/** CRC-32 (IEEE 802.3, as zlib), and CRC-32C (Castagnoli), as S3's checksums use them. */
export const crc32 = reflectedCrc32(0xedb88320);
export const crc32c = reflectedCrc32(0x82f63b78);

/** CRC-64/NVME (reflected, polynomial 0x9a6c9329ac4bc9b5), S3's default for new objects. */
export function crc64nvme(data: Uint8Array): bigint {
	const polynomial = 0x9a6c9329ac4bc9b5n;
	const mask = 0xffffffffffffffffn;
	let crc = mask;
	for (const byte of data) {
		crc ^= BigInt(byte);
		for (let k = 0; k < 8; k++) crc = crc & 1n ? (crc >> 1n) ^ polynomial : crc >> 1n;
	}
	return crc ^ mask;
}

function base64(bytes: Uint8Array): string {
	return btoa(String.fromCharCode(...bytes));
}

function bigEndian(value: bigint, length: number): Uint8Array {
	const out = new Uint8Array(length);
	for (let i = length - 1; i >= 0; i--, value >>= 8n) out[i] = Number(value & 0xffn);
	return out;
}

async function digest(algorithm: 'SHA-1' | 'SHA-256', data: Uint8Array): Promise<Uint8Array> {
	return new Uint8Array(await crypto.subtle.digest(algorithm, new Uint8Array(data)));
}

/** The checksum algorithms S3 accepts in `x-amz-checksum-<name>`, by that header's suffix. */
export const checksumAlgorithms = {
	crc32: { name: 'CRC32', bytes: 4 },
	crc32c: { name: 'CRC32C', bytes: 4 },
	crc64nvme: { name: 'CRC64NVME', bytes: 8 },
	sha1: { name: 'SHA1', bytes: 20 },
	sha256: { name: 'SHA256', bytes: 32 }
} as const;
export type ChecksumAlgorithm = keyof typeof checksumAlgorithms;

/** The base64 checksum S3 computes for `algorithm`, as it sends it back in `x-amz-checksum-*`. */
export async function checksumOf(algorithm: ChecksumAlgorithm, body: Uint8Array): Promise<string> {
	switch (algorithm) {
		case 'crc32':
			return base64(bigEndian(BigInt(crc32(body)), 4));
		case 'crc32c':
			return base64(bigEndian(BigInt(crc32c(body)), 4));
		case 'crc64nvme':
			return base64(bigEndian(crc64nvme(body), 8));
		case 'sha1':
			return base64(await digest('SHA-1', body));
		case 'sha256':
			return base64(await digest('SHA-256', body));
	}
}

/**
 * ⚠ SIM: the ETag of a single-part upload is the MD5 of the body on AWS. WebCrypto has no MD5, so
 * the simulator uses the first 128 bits of the SHA-256: the same shape (32 hex digits, quoted),
 * which no client checks against the body.
 */
export async function etagOf(body: Uint8Array): Promise<string> {
	return `"${(await sha256Hex(body)).slice(0, 32)}"`;
}
