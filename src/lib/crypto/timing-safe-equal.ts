/**
 * Compares two byte arrays in time that depends only on their lengths, so a caller probing a
 * signature cannot learn how many leading bytes were right.
 *
 * @example timingSafeEqual(expectedMac, receivedMac) // true only for identical bytes
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let difference = 0;
	for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
	return difference === 0;
}
