// The few DER encodings (ITU-T X.690) a self-signed X.509 certificate needs, and a reader of
// tag-length-value items. Hand-written because no kept library does it in a worker without
// pulling in a whole ASN.1 toolkit.

/** One DER item: its tag, its content, and the whole encoding (tag and length included). */
export interface DerItem {
	tag: number;
	content: Uint8Array;
	encoded: Uint8Array;
}

export function tlv(tag: number, content: Uint8Array): Uint8Array {
	const n = content.length;
	const length =
		n < 0x80
			? [n]
			: n < 0x100
				? [0x81, n]
				: n < 0x10000
					? [0x82, n >> 8, n & 0xff]
					: [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
	return concat([new Uint8Array([tag, ...length]), content]);
}

export const derSequence = (...items: Uint8Array[]) => tlv(0x30, concat(items));
export const derSet = (...items: Uint8Array[]) => tlv(0x31, concat(items));
export const derNull = () => new Uint8Array([0x05, 0x00]);
export const derUtf8 = (text: string) => tlv(0x0c, new TextEncoder().encode(text));
/** A context-specific, constructed, explicit tag: `[n] EXPLICIT`. */
export const derExplicit = (n: number, item: Uint8Array) => tlv(0xa0 + n, item);
/** A BIT STRING of whole bytes (no unused bits). */
export const derBitString = (bytes: Uint8Array) => tlv(0x03, concat([new Uint8Array([0]), bytes]));

/** A non-negative INTEGER from its big-endian bytes (a leading zero keeps it positive). */
export function derUnsignedInteger(bytes: Uint8Array): Uint8Array {
	let start = 0;
	while (start < bytes.length - 1 && bytes[start] === 0) start++;
	const trimmed = bytes.subarray(start);
	return tlv(0x02, trimmed[0]! & 0x80 ? concat([new Uint8Array([0]), trimmed]) : trimmed);
}

/** An OBJECT IDENTIFIER from its dotted form, e.g. `2.5.4.3` (commonName). */
export function derOid(dotted: string): Uint8Array {
	const arcs = dotted.split('.').map(Number);
	const out = [40 * arcs[0]! + arcs[1]!];
	for (const arc of arcs.slice(2)) {
		const digits = [arc & 0x7f];
		for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128))
			digits.unshift((v & 0x7f) | 0x80);
		out.push(...digits);
	}
	return tlv(0x06, new Uint8Array(out));
}

/** UTCTime (years 1950–2049) or GeneralizedTime, as RFC 5280 §4.1.2.5 chooses between them. */
export function derTime(epochMs: number): Uint8Array {
	const iso = new Date(epochMs).toISOString(); // 2026-11-21T23:31:40.000Z
	const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
	const year = Number(iso.slice(0, 4));
	return year >= 1950 && year < 2050
		? tlv(0x17, new TextEncoder().encode(`${digits.slice(2)}Z`))
		: tlv(0x18, new TextEncoder().encode(`${digits}Z`));
}

/** The items of a DER encoding, one level deep. Throws a `TypeError` on a malformed one. */
export function readDer(bytes: Uint8Array): DerItem[] {
	const items: DerItem[] = [];
	let at = 0;
	while (at < bytes.length) {
		const start = at;
		const tag = bytes[at++]!;
		if ((tag & 0x1f) === 0x1f) throw new TypeError('DER: multi-byte tags are not supported');
		let length = bytes[at++];
		if (length === undefined) throw new TypeError('DER: truncated length');
		if (length & 0x80) {
			const count = length & 0x7f;
			if (count === 0 || count > 3) throw new TypeError('DER: unsupported length');
			length = 0;
			for (let i = 0; i < count; i++) {
				const b = bytes[at++];
				if (b === undefined) throw new TypeError('DER: truncated length');
				length = length * 256 + b;
			}
		}
		if (at + length > bytes.length) throw new TypeError('DER: truncated content');
		items.push({
			tag,
			content: bytes.subarray(at, at + length),
			encoded: bytes.subarray(start, at + length)
		});
		at += length;
	}
	return items;
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}
