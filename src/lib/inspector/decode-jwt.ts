import { base64UrlToBytes, base64UrlToText } from './base64url';

export type JsonObject = Record<string, unknown>;

/** A signed token (JWS compact form): what ID and access tokens are. */
export interface DecodedJws {
	kind: 'jws';
	compact: string;
	parts: { header: string; payload: string; signature: string };
	header: JsonObject;
	/** Decoded but NOT verified: anyone can write anything here until the signature is checked. */
	payload: JsonObject;
}

/** An encrypted token (JWE compact form): what a Cognito refresh token is. */
export interface DecodedJwe {
	kind: 'jwe';
	compact: string;
	/** Protected header, encrypted key, initialisation vector, ciphertext, authentication tag. */
	parts: [string, string, string, string, string];
	/** The protected header is the only part that is readable without the pool's private key. */
	header: JsonObject;
}

export type TokenDecodeErrorCode =
	'empty' | 'part-count' | 'not-base64url' | 'not-json' | 'not-object';

/** Why a string is not a token; `message` reads as one sentence for the learner. */
export interface TokenDecodeError {
	code: TokenDecodeErrorCode;
	/** The part at fault, when there is one (`header`, `payload`, `signature`, `ciphertext`...). */
	part?: string;
	message: string;
}

export interface InvalidToken {
	kind: 'invalid';
	compact: string;
	parts: string[];
	error: TokenDecodeError;
}

export type DecodedToken = DecodedJws | DecodedJwe | InvalidToken;

const jwsPartNames = ['header', 'payload', 'signature'] as const;
const jwePartNames = ['protected header', 'encrypted key', 'IV', 'ciphertext', 'tag'] as const;

/**
 * Splits and decodes a compact JWT (3 parts) or JWE (5 parts) without verifying anything. Never
 * throws: a malformed token comes back as `kind: 'invalid'` with a sentence saying what is wrong.
 *
 * @example decodeToken('abc').error.message
 * // -> 'This is not a valid JWT: it has 1 dot-separated part; a signed JWT has 3 ...'
 */
export function decodeToken(compact: string): DecodedToken {
	const parts = compact.split('.');
	const invalid = (error: TokenDecodeError): InvalidToken => ({
		kind: 'invalid',
		compact,
		parts,
		error
	});

	if (compact.trim() === '') {
		return invalid({ code: 'empty', message: 'This is not a valid JWT: the string is empty.' });
	}
	if (parts.length !== 3 && parts.length !== 5) {
		const n = parts.length;
		return invalid({
			code: 'part-count',
			message:
				`This is not a valid JWT: it has ${n} dot-separated part${n === 1 ? '' : 's'}; ` +
				'a signed JWT has 3 (header.payload.signature) and an encrypted JWE has 5.'
		});
	}

	const names: readonly string[] = parts.length === 3 ? jwsPartNames : jwePartNames;
	for (const [i, part] of parts.entries()) {
		if (base64UrlToBytes(part) === null) {
			return invalid(partError('not-base64url', names[i] ?? `part ${i + 1}`, 'is not base64url'));
		}
	}

	const header = decodeJsonPart(parts[0] ?? '', names[0] ?? 'header');
	if (!header.ok) return invalid(header.error);

	if (parts.length === 5) {
		return { kind: 'jwe', compact, parts: parts as DecodedJwe['parts'], header: header.value };
	}
	const payload = decodeJsonPart(parts[1] ?? '', 'payload');
	if (!payload.ok) return invalid(payload.error);
	const [h = '', p = '', s = ''] = parts;
	return {
		kind: 'jws',
		compact,
		parts: { header: h, payload: p, signature: s },
		header: header.value,
		payload: payload.value
	};
}

type PartResult = { ok: true; value: JsonObject } | { ok: false; error: TokenDecodeError };

function decodeJsonPart(part: string, name: string): PartResult {
	const text = base64UrlToText(part);
	if (text === null) {
		return {
			ok: false,
			error: partError('not-json', name, 'is not UTF-8 text, so it is not JSON')
		};
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { ok: false, error: partError('not-json', name, 'is not JSON') };
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
		return { ok: false, error: partError('not-object', name, `is JSON but ${got}, not an object`) };
	}
	return { ok: true, value: value as JsonObject };
}

function partError(code: TokenDecodeErrorCode, part: string, problem: string): TokenDecodeError {
	return { code, part, message: `This is not a valid JWT: the ${part} ${problem}.` };
}
