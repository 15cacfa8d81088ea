import { vi } from 'vitest';

/** 2026-11-03T09:05:07Z: a fixed, documented instant for every fidelity test. */
export const pinnedAt = Date.UTC(2026, 10, 3, 9, 5, 7);

/**
 * Pins the host clock (`Date` only; timers, promises and WebCrypto run normally). The cloud's
 * default clock follows the host, so the pool, amazon-cognito-identity-js's SRP `TIMESTAMP` and
 * aws-jwt-verify's expiry check all read the same time.
 */
export function pinTime(at = pinnedAt): void {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(at);
}

/** Moves the pinned host clock (and with it the cloud) forward. */
export function advanceTime(ms: number): void {
	vi.setSystemTime(Date.now() + ms);
}

export function unpinTime(): void {
	vi.useRealTimers();
}
