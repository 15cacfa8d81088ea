import { Secret, TOTP } from 'otpauth';

// Cognito's software-token MFA and every authenticator app: RFC 6238 with HMAC-SHA1, 6 digits,
// 30-second steps. Authenticator apps ignore other values in the URI, so they are fixed here.
const PARAMETERS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

/**
 * The 6-digit code an authenticator app shows at `atMs` (milliseconds since the epoch) for a
 * base32 secret such as the `SecretCode` of AssociateSoftwareToken. Throws a `TypeError` if the
 * secret is not base32.
 *
 * @example totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000) // '287082'
 */
export function totpCode(secretBase32: string, atMs: number): string {
	return TOTP.generate({ ...PARAMETERS, secret: Secret.fromBase32(secretBase32), timestamp: atMs });
}

/**
 * Whether `code` is valid at `atMs`, accepting `window` steps either side for clock drift
 * between the phone and the server. False, never an exception, for a code that is not exactly
 * six digits or a secret that is not base32: both are the learner's input, not a program error.
 *
 * @example totpVerify(secret, '287082', 59_000) // true
 */
export function totpVerify(secretBase32: string, code: string, atMs: number, window = 1): boolean {
	if (!/^\d{6}$/.test(code) || !Number.isSafeInteger(window) || window < 0) return false;
	try {
		const secret = Secret.fromBase32(secretBase32);
		return TOTP.validate({ ...PARAMETERS, secret, token: code, timestamp: atMs, window }) !== null;
	} catch {
		return false;
	}
}

/**
 * The `otpauth://totp/…` URI an authenticator app scans from a QR code, labelled
 * `issuer:account` with the issuer repeated as a parameter, as Google Authenticator expects.
 *
 * @example
 * totpUri({ secretBase32, account: 'alice', issuer: 'Cognito Flow Lab' });
 * // 'otpauth://totp/Cognito%20Flow%20Lab:alice?issuer=Cognito%20Flow%20Lab&secret=…'
 * // + '&algorithm=SHA1&digits=6&period=30'
 */
export function totpUri(p: { secretBase32: string; account: string; issuer: string }): string {
	return new TOTP({
		...PARAMETERS,
		issuer: p.issuer,
		label: p.account,
		secret: Secret.fromBase32(p.secretBase32)
	}).toString();
}
