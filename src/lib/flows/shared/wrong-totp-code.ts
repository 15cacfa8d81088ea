import { totpCode } from '$lib/crypto';

/**
 * A six-digit code that is certainly wrong at `atMs`: none of the codes of the previous, current
 * and next 30-second step, the window a server accepts for drift. Deterministic, so a run can be
 * replayed: it starts half the code space away from the right code and steps until it is clear.
 */
export async function wrongTotpCode(secretBase32: string, atMs: number): Promise<string> {
	const steps = [-30_000, 0, 30_000].map((d) => totpCode(secretBase32, atMs + d));
	const accepted = new Set(await Promise.all(steps));
	let candidate = (Number(await totpCode(secretBase32, atMs)) + 500_000) % 1_000_000;
	while (accepted.has(String(candidate).padStart(6, '0'))) candidate = (candidate + 1) % 1_000_000;
	return String(candidate).padStart(6, '0');
}
