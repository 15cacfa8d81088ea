import { AwsServiceError } from './aws-service-error';
import { header, type WireRequest } from './http-message';
import { readBodyCapped } from './read-body-capped';

export interface AwsJsonRequest {
	/** The operation named by `X-Amz-Target`, e.g. `InitiateAuth`. */
	operation: string;
	/** The body: always a JSON object. */
	input: Record<string, unknown>;
}

export interface ParseAwsJsonOptions {
	/** The service's target prefix, e.g. `AWSCognitoIdentityProviderService`. */
	targetPrefix: string;
	/** Operations the service implements; any other target is an unknown operation. */
	operations: ReadonlySet<string>;
	/** Body cap in bytes (default 256 KiB). */
	maxBodyBytes?: number;
}

/** A message-less UnknownOperationException, as real AWS JSON services send it. */
const unknownOperation = () => new AwsServiceError('UnknownOperationException');
/** A message-less SerializationException, as Coral-based AWS JSON services send it. */
const serialization = () => new AwsServiceError('SerializationException');

/**
 * Parses an AWS JSON 1.1 request: `POST`, `X-Amz-Target: <Prefix>.<Operation>`, a JSON object
 * body. Throws `AwsServiceError` with the answer AWS gives otherwise:
 *
 * - wrong method, missing or foreign target, unknown operation, a content type that is not
 *   AWS JSON → 400 `UnknownOperationException` with no message. Source: real AWS JSON services
 *   answer an unknown target with the body `{"__type":"UnknownOperationException"}` and status
 *   400 (observed, https://github.com/aws/aws-sdk-net/issues/1536). That the same answer covers
 *   a wrong method or content type is a SIM choice: the request cannot be mapped to an
 *   operation, which is what the name says.
 * - a body that is not JSON, or JSON that is not an object → 400 `SerializationException` with
 *   no message (the Coral framework behind AWS JSON services; SIM choice for the exact body,
 *   not captured from Cognito).
 * - a body over the cap → 413 (see `readBodyCapped`).
 *
 * An empty body counts as `{}`, as the AWS SDKs send for operations without input.
 */
export function parseAwsJsonRequest(
	request: WireRequest,
	options: ParseAwsJsonOptions
): AwsJsonRequest {
	// Check method and protocol
	if (request.method !== 'POST') throw unknownOperation();
	const contentType = (header(request, 'content-type') ?? '').split(';')[0]!.trim();
	if (!/^application\/(x-amz-json-1\.[01]|json)$/i.test(contentType)) throw unknownOperation();

	// Check the target names one of the service's operations
	const target = header(request, 'x-amz-target') ?? '';
	const dot = target.lastIndexOf('.');
	const prefix = target.slice(0, dot);
	const operation = target.slice(dot + 1);
	if (dot < 0 || prefix !== options.targetPrefix || !options.operations.has(operation))
		throw unknownOperation();

	// Read and parse the body
	const text = readBodyCapped(request, options.maxBodyBytes ?? 256 * 1024);
	if (text.trim() === '') return { operation, input: {} };
	let input: unknown;
	try {
		input = JSON.parse(text);
	} catch {
		throw serialization();
	}
	if (typeof input !== 'object' || input === null || Array.isArray(input)) throw serialization();
	return { operation, input: input as Record<string, unknown> };
}

/**
 * The operation an AWS JSON 1.1 request names, for its arrow: `InitiateAuth` from
 * `X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth`; `undefined` without a target.
 */
export function awsJsonOperation(request: WireRequest): string | undefined {
	const target = header(request, 'x-amz-target');
	if (!target) return undefined;
	return target.slice(target.lastIndexOf('.') + 1) || target;
}
