/**
 * `base^exponent mod modulus` by left-to-right square-and-multiply on native `BigInt`.
 *
 * The base is reduced into `[0, modulus)` first: the SRP client raises `B − k·g^x`, which is
 * negative whenever `k·g^x > B`, and `%` on a negative `BigInt` stays negative.
 *
 * @example modPow(2n, 10n, 1000n) // 24n
 */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
	if (modulus <= 0n) throw new RangeError(`modPow needs a positive modulus, received ${modulus}`);
	if (exponent < 0n) {
		throw new RangeError(`modPow needs a non-negative exponent, received ${exponent}`);
	}
	const reduced = ((base % modulus) + modulus) % modulus;
	let result = 1n % modulus;
	for (const bit of exponent.toString(2)) {
		result = (result * result) % modulus;
		if (bit === '1') result = (result * reduced) % modulus;
	}
	return result;
}
