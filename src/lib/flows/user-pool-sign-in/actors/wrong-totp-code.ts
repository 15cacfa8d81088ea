import { totpCode } from '$lib/crypto';

/**
 * A six-digit code that is certainly wrong at `atMs`: none of the codes of the previous, current
 * and next 30-second step, the window a server accepts for drift. Deterministic, so a run can be
 * replayed: it starts half the code space away from the right code and steps until it is clear.
 */
export function wrongTotpCode(secretBase32: string, atMs: number): string {
	const accepted = new Set([-30_000, 0, 30_000].map((d) => totpCode(secretBase32, atMs + d)));
	let candidate = (Number(totpCode(secretBase32, atMs)) + 500_000) % 1_000_000;
	while (accepted.has(String(candidate).padStart(6, '0'))) candidate = (candidate + 1) % 1_000_000;
	return String(candidate).padStart(6, '0');
}
