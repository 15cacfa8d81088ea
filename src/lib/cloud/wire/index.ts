// The AWS JSON 1.1 wire layer, shared by every JSON-protocol service (user pool, identity pool).
export { AwsServiceError } from './aws-service-error';
export { awsJson11ContentType, awsJsonErrorResponse, awsJsonResponse } from './aws-json-response';
export {
	parseAwsJsonRequest,
	type AwsJsonRequest,
	type ParseAwsJsonOptions
} from './parse-aws-json-request';
export { readBodyCapped } from './read-body-capped';
export { validateInput, type InputRules, type MemberRule } from './validate-input';
