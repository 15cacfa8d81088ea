import { base64DecodeTolerant } from './base64';
import { hmacSha256 } from './sha256';
import { utf8Encode } from './utf8';

/**
 * `PASSWORD_CLAIM_SIGNATURE` bytes: HMAC-SHA256 under the HKDF key over
 * `poolName ‖ USER_ID_FOR_SRP ‖ base64decode(SECRET_BLOCK) ‖ TIMESTAMP`, raw concatenation.
 * The secret block enters as its decoded bytes and the timestamp exactly as sent, so both
 * sides must use the strings from the wire, never re-encoded or re-formatted ones.
 * Throws a `TypeError` when `secretBlock` is not base64.
 *
 * @example
 * const mac = await srpClaimSignature({ hkdfKey, poolName, userIdForSrp, secretBlock, timestamp });
 * base64Encode(mac); // PASSWORD_CLAIM_SIGNATURE
 */
export async function srpClaimSignature(p: {
	hkdfKey: Uint8Array;
	poolName: string;
	userIdForSrp: string;
	secretBlock: string;
	timestamp: string;
}): Promise<Uint8Array<ArrayBuffer>> {
	const parts = [
		utf8Encode(p.poolName),
		utf8Encode(p.userIdForSrp),
		base64DecodeTolerant(p.secretBlock),
		utf8Encode(p.timestamp)
	];
	const message = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
	let offset = 0;
	for (const part of parts) {
		message.set(part, offset);
		offset += part.length;
	}
	return hmacSha256(p.hkdfKey, message);
}
