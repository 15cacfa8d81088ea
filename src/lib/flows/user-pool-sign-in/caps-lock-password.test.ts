import { describe, expect, it } from 'vitest';
import { capsLockPassword } from './caps-lock-password';

describe('capsLockPassword', () => {
	it('inverts the case of every letter, as typed with Caps Lock on', () => {
		expect(capsLockPassword('Correct-Horse-42')).toBe('cORRECT-hORSE-42');
	});

	it('still differs from a password without letters', () => {
		expect(capsLockPassword('1234-5678')).toBe('1234-5678!');
	});
});
