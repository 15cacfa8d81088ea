/**
 * `n` bytes from the platform CSPRNG. The default for every `randomBytes` parameter in this
 * layer; tests pass their own to pin values.
 *
 * @example randomBytes(16) // a fresh 16-byte salt
 */
export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
	return crypto.getRandomValues(new Uint8Array(n));
}
