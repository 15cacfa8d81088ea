// Signature Version 4 on both sides: the client signs with a kept library, the services verify
// with labelled steps the inspector shows.
export { escapeUri } from './escape-uri';
export {
	canonicalRequest,
	canonicalQuery,
	canonicalUri,
	type CanonicalRequest
} from './canonical-request';
export { hex, sha256Hex } from './crypto';
export {
	formatAmzDate,
	parseAmzDate,
	parseAuthorization,
	type CredentialScope,
	type SigV4Authorization
} from './parse-authorization';
export { signRequest, type SignRequestOptions, type SigningCredentials } from './sign-request';
export {
	maxSkewMs,
	sigv4Explanation,
	verifySigV4,
	type SigV4Failure,
	type SigV4FailureReason,
	type SigV4Result,
	type SigV4Success,
	type VerifySigV4Options
} from './verify-sigv4';
