/**
 * The password as typed with Caps Lock on: every letter's case inverted (`Correct-Horse-42` →
 * `cORRECT-hORSE-42`), the commonest honest wrong password. A password without letters gets a
 * trailing `!` so the result is always different.
 *
 * @example capsLockPassword('Correct-Horse-42') // 'cORRECT-hORSE-42'
 */
export function capsLockPassword(password: string): string {
	const flipped = Array.from(password, (c) => {
		const lower = c.toLowerCase();
		return c === lower ? c.toUpperCase() : lower;
	}).join('');
	return flipped === password ? `${password}!` : flipped;
}
