import { bytesToHex } from './hex';
import { padHex } from './pad-hex';
import { sha256 } from './sha256';
import { srpHexHash } from './srp-hex-hash';
import { utf8Encode } from './utf8';

/**
 * The private key `x = H(padHex(salt) ‖ H(poolName ‖ username ‖ ':' ‖ password))`.
 *
 * `poolName` is the part of the pool id after `_`, and `username` must be `USER_ID_FOR_SRP`
 * (the client swaps what the user typed for it), or client and verifier disagree.
 *
 * @example await srpComputeX({ poolName: 'AbCdEf123', username: 'alice', password, salt })
 */
export async function srpComputeX(p: {
	poolName: string;
	username: string;
	password: string;
	salt: bigint;
}): Promise<bigint> {
	const identity = utf8Encode(`${p.poolName}${p.username}:${p.password}`);
	const identityHash = bytesToHex(await sha256(identity));
	return BigInt(`0x${await srpHexHash(padHex(p.salt) + identityHash)}`);
}
