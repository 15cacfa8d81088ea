import { SrpInvalidHexError } from './errors';

const HEX_INTEGER = /^[0-9a-fA-F]+$/;

/**
 * Integer value of a hex string from the wire (`SRP_A`, `SRP_B`, `SALT`). Leading zeros and odd
 * length carry no meaning: only the integer does, and it is re-encoded with `padHex` before
 * hashing. Throws `SrpInvalidHexError` naming the parameter.
 *
 * @example parseSrpHex('0012', 'SALT') // 18n
 */
export function parseSrpHex(value: string, parameter: string): bigint {
	if (!HEX_INTEGER.test(value)) throw new SrpInvalidHexError(parameter, value);
	return BigInt(`0x${value}`);
}
