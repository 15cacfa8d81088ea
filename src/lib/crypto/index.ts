// The crypto layer's only door. Everything here runs unchanged in the browser and in Node 20.
export { bytesToHex, hexToBytes } from './hex';
export {
	base64Decode,
	base64DecodeTolerant,
	base64Encode,
	base64UrlDecode,
	base64UrlEncode
} from './base64';
export { utf8Decode, utf8Encode } from './utf8';
export { hmacSha256, sha256 } from './sha256';
export { accessTokenHash, pkceChallenge } from './oidc-hashes';
export { timingSafeEqual } from './timing-safe-equal';
export { randomBytes } from './random-bytes';
export {
	Base32InputError,
	CryptoError,
	SrpIllegalBError,
	SrpInvalidHexError,
	SrpZeroUError
} from './errors';
export { base32Decode } from './base32';
export { modPow } from './mod-pow';
export { padHex } from './pad-hex';
export { SRP_G, SRP_K, SRP_N } from './srp-constants';
export { srpComputeU } from './srp-compute-u';
export { srpComputeX } from './srp-compute-x';
export { srpDeriveKey } from './srp-derive-key';
export { srpClaimSignature } from './srp-claim-signature';
export { srpClientSignature, srpClientStart, type SrpClientStart } from './srp-client';
export { srpCreateVerifier, srpIsValidA, srpServerStart, srpServerVerify } from './srp-server';
export { formatSrpTimestamp, parseSrpTimestamp } from './srp-timestamp';
export { computeSecretHash } from './secret-hash';
export { totpCode, totpUri, totpVerify } from './totp';
