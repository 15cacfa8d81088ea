/** Randomness for the cloud: real `crypto.getRandomValues` unless a test injects its own. */
export interface Random {
	bytes(length: number): Uint8Array<ArrayBuffer>;
	uuid(): string;
}

export function createRandom(
	fill: (array: Uint8Array<ArrayBuffer>) => Uint8Array = (a) => globalThis.crypto.getRandomValues(a)
): Random {
	const bytes = (length: number) => {
		const out = new Uint8Array(length);
		// getRandomValues refuses more than 65536 bytes at once.
		for (let i = 0; i < length; i += 65536) fill(out.subarray(i, Math.min(length, i + 65536)));
		return out;
	};
	return {
		bytes,
		uuid() {
			const b = bytes(16);
			b[6] = (b[6]! & 0x0f) | 0x40; // version 4
			b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
			const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
			return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
		}
	};
}
