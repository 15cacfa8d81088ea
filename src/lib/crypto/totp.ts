import { base32Decode } from './base32';

// Cognito's software-token MFA and every authenticator app: RFC 6238 with HMAC-SHA1, 6 digits,
// 30-second steps. Authenticator apps ignore other values in the URI, so they are fixed here.
const period = 30_000;
const digits = 6;

/**
 * The 6-digit code an authenticator app shows at `atMs` (milliseconds since the epoch) for a
 * base32 secret such as the `SecretCode` of AssociateSoftwareToken. Rejects with a
 * `Base32InputError` if the secret is not base32.
 *
 * HMAC-SHA1 comes from WebCrypto, as every other hash here does, so no TOTP library travels in
 * the page (the tests check these codes against the `otpauth` library).
 *
 * @example await totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000) // '287082'
 */
export async function totpCode(secretBase32: string, atMs: number): Promise<string> {
	return hotp(await importSecret(secretBase32), Math.floor(atMs / period));
}

/**
 * Whether `code` is valid at `atMs`, accepting `window` steps either side for clock drift
 * between the phone and the server. False, never a rejection, for a code that is not exactly
 * six digits or a secret that is not base32: both are the learner's input, not a program error.
 *
 * @example await totpVerify(secret, '287082', 59_000) // true
 */
export async function totpVerify(
	secretBase32: string,
	code: string,
	atMs: number,
	window = 1
): Promise<boolean> {
	if (!/^\d{6}$/.test(code) || !Number.isSafeInteger(window) || window < 0) return false;
	let key: CryptoKey;
	try {
		key = await importSecret(secretBase32);
	} catch {
		return false;
	}
	const counter = Math.floor(atMs / period);
	for (let delta = -window; delta <= window; delta++) {
		if ((await hotp(key, counter + delta)) === code) return true;
	}
	return false;
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
	base32Decode(p.secretBase32);
	const issuer = encodeURIComponent(p.issuer);
	return (
		`otpauth://totp/${issuer}:${encodeURIComponent(p.account)}?issuer=${issuer}` +
		`&secret=${p.secretBase32.toUpperCase().replace(/=+$/, '')}` +
		`&algorithm=SHA1&digits=${digits}&period=${period / 1000}`
	);
}

async function importSecret(secretBase32: string): Promise<CryptoKey> {
	const raw = base32Decode(secretBase32);
	return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
}

/** RFC 4226: HMAC of the 8-byte big-endian counter, dynamic truncation, last six digits. */
async function hotp(key: CryptoKey, counter: number): Promise<string> {
	const message = new Uint8Array(8);
	new DataView(message.buffer).setBigUint64(0, BigInt(counter));
	const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, message));
	const offset = mac[mac.length - 1]! & 0x0f;
	const binary = new DataView(mac.buffer).getUint32(offset) & 0x7fffffff;
	return String(binary % 10 ** digits).padStart(digits, '0');
}
