// The one wire module: plain messages, and each protocol's requests, answers and errors, shared by
// the services and the clients that call them.
export { AwsServiceError } from './aws-service-error';
export { awsJson11ContentType, awsJsonErrorResponse, awsJsonResponse } from './aws-json-response';
export { AwsJsonCallError, callAwsJson, type AwsJsonCall } from './call-aws-json';
export {
	awsJsonOperation,
	parseAwsJsonRequest,
	type AwsJsonRequest,
	type ParseAwsJsonOptions
} from './parse-aws-json-request';
export { readBodyCapped } from './read-body-capped';
export { outcomeText, readOutcome, type Outcome, type OutcomeSource } from './read-outcome';
export { validateInput, type InputRules, type MemberRule } from './validate-input';
export {
	bodyText,
	header,
	headerValues,
	reasonPhrase,
	toResponse,
	toWireRequest,
	utf8Bytes,
	wireHeaders,
	wireResponse,
	type WireMessage,
	type WireRequest,
	type WireResponse
} from './http-message';
export { awsQueryContentType, awsQueryErrorResponse, awsQueryResponse } from './aws-query-response';
export { AwsQueryError, callAwsQuery } from './call-aws-query';
export {
	awsQueryAction,
	awsQueryParams,
	parseAwsQueryRequest,
	queryListMember,
	type AwsQueryRequest,
	type ParseAwsQueryOptions
} from './parse-aws-query-request';
export { parseXml, type XmlElement, type XmlNode } from './parse-xml';
export { escapeXml, writeXml, type XmlMembers, type XmlValue } from './write-xml';
