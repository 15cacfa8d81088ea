import { describe, expect, it } from 'vitest';
import { computeSecretHash } from './secret-hash';

describe('computeSecretHash', () => {
	it('is Base64(HMAC-SHA256(secret, username + clientId)) (reference §3.4 known answer)', async () => {
		expect(await computeSecretHash('alice', 'djc98u3jiedmi283eu928', 'abcdef01234567890')).toBe(
			'VbZB/jmJy2KXzFaBHZWkmme9gEGnQWA9X8Jd5WgA4mA='
		);
	});

	it('depends on the username, so it must be recomputed per user', async () => {
		expect(await computeSecretHash('bob', 'djc98u3jiedmi283eu928', 'abcdef01234567890')).not.toBe(
			'VbZB/jmJy2KXzFaBHZWkmme9gEGnQWA9X8Jd5WgA4mA='
		);
	});
});
