/**
 * Base of the crypto layer's errors. `code` is stable for tests and for the cloud layer, which
 * turns these into the AWS error the real service would return.
 */
export class CryptoError extends Error {
	// Names are written out: a minifier renames classes, and `name` is what a learner sees
	override readonly name: string = 'CryptoError';
	readonly code: string = 'ERR_CRYPTO';
}

/** A hex parameter (`SRP_B`, `SALT`) is not a hex integer. */
export class SrpInvalidHexError extends CryptoError {
	override readonly name = 'SrpInvalidHexError';
	override readonly code = 'ERR_SRP_INVALID_HEX';

	constructor(
		readonly parameter: string,
		readonly value: string
	) {
		super(`${parameter} must be a non-empty hex integer, received ${JSON.stringify(value)}`);
	}
}

/**
 * `B mod N = 0`: a server (or an attacker in the middle) sending such a `B` would make the
 * client's `S` independent of the password. Same words as amazon-cognito-identity-js.
 */
export class SrpIllegalBError extends CryptoError {
	override readonly name = 'SrpIllegalBError';
	override readonly code = 'ERR_SRP_B_MOD_N_ZERO';

	constructor() {
		super(
			'B cannot be zero. SRP_B mod N is 0, so the session key would not depend on the password.'
		);
	}
}

/**
 * `u = H(padHex(A) ‖ padHex(B)) = 0`: with `u = 0` the password drops out of `S`.
 * Same words as amazon-cognito-identity-js.
 */
export class SrpZeroUError extends CryptoError {
	override readonly name = 'SrpZeroUError';
	override readonly code = 'ERR_SRP_U_ZERO';

	constructor() {
		super('U cannot be zero. u = H(padHex(A) + padHex(B)) is 0, so the password would not count.');
	}
}

/** A TOTP secret that is not base32: the learner's input, never a program error. */
export class Base32InputError extends CryptoError {
	override readonly name = 'Base32InputError';
	override readonly code = 'ERR_BASE32_INPUT';

	constructor(readonly character: string) {
		super(`${JSON.stringify(character)} is not a base32 character`);
	}
}
