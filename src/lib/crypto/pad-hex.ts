/**
 * Hex of a non-negative integer exactly as amazon-cognito-identity-js and Amplify hash it: even
 * length, and a `00` byte in front when the first digit is `8`–`f`. That is Java's
 * `BigInteger.toByteArray()` (two's complement), which the server side of Cognito uses, so a
 * value with its top bit set never reads as negative. Hashing the hex as it came off the wire
 * instead works only for about half of the salts and `A`/`B` values.
 *
 * @example padHex(20n) // '14'
 * @example padHex(200n) // '00c8'
 * @example padHex(2n) // '02'
 */
export function padHex(value: bigint): string {
	if (value < 0n) throw new RangeError(`padHex needs a non-negative integer, received ${value}`);
	let hex = value.toString(16);
	if (hex.length % 2 !== 0) hex = `0${hex}`;
	return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}
