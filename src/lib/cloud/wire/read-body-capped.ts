import { AwsServiceError } from './aws-service-error';
import { bodyText, type WireRequest } from './http-message';

/**
 * Reads a request body as UTF-8 text, refusing more than `maxBytes`. The size is the body's own
 * length, because amazon-cognito-identity-js sends no `Content-Length` and a header could lie
 * anyway.
 *
 * Over the cap: 413 `SerializationException`. SIM choice, unsourced: AWS does not document
 * the limit or the answer for the user-pool API; 413 is what HTTP says for the case.
 *
 * @example const text = readBodyCapped(request, 256 * 1024);
 */
export function readBodyCapped(request: WireRequest, maxBytes: number): string {
	if (request.body.byteLength > maxBytes)
		throw new AwsServiceError(
			'SerializationException',
			`Request body is larger than ${maxBytes} bytes`,
			413
		);
	return bodyText(request);
}
