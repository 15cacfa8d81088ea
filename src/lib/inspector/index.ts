// The inspector's only door: the component and the pure modules behind it.
export { default as Inspector } from './Inspector.svelte';
export { base64UrlToBytes, base64UrlToText } from './base64url';
export {
	decodeToken,
	type DecodedJwe,
	type DecodedJws,
	type DecodedToken,
	type InvalidToken,
	type JsonObject,
	type TokenDecodeError,
	type TokenDecodeErrorCode
} from './decode-jwt';
export { findCredentials, maskSecrets, type FoundCredentials } from './find-credentials';
export { findTokens, looksLikeToken, type FoundToken, type TokenSource } from './find-tokens';
export {
	verifyJwt,
	type TrustedIssuer,
	type VerificationResult,
	type VerificationStep,
	type VerificationStepId,
	type VerifyOptions
} from './verify-jwt';
export { claimContext, claimNote, headerNote, isTimeClaim, type ClaimContext } from './claim-notes';
export { findSrpValues, isSrpExchange, srpNote, srpSummary, type NotedValue } from './srp-notes';
export { describeClaimTime, formatDuration, relativeTime } from './relative-time';
export { formatUtc } from './format-utc';
export { prettyBody, reindentJson, type BodyKind, type PrettyBody } from './pretty-body';
export { jsonStrings, tryParseJson, type JsonString } from './walk-json';
export { findSamlResponse, type FoundSamlResponse } from './find-saml-response';
// The SAML card's checks load with the card, only when a message holds a SAML response.
export type {
	SamlCheckId,
	SamlCheckStep,
	SamlFacts,
	SamlInspection
} from './inspect-saml-response';
