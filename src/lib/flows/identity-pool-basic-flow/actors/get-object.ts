import { fromPromise } from 'xstate';
import type { Clock } from '$lib/cloud';
import { signRequest } from '$lib/cloud/sigv4';
import {
	bodyText,
	header,
	readOutcome,
	type WireRequest,
	type WireResponse
} from '$lib/cloud/wire';
import type { AssumedRole, BasicFlowFailure, ReadObject } from '../basic-flow-types';

export interface GetObjectInput {
	send: (request: WireRequest) => Promise<WireResponse>;
	clock: Clock;
	region: string;
	bucket: string;
	key: string;
	credentials: AssumedRole;
}

/**
 * S3 `GetObject`, virtual-hosted style, SigV4-signed with the temporary credentials and the
 * simulated clock's time (cognito.md §9.2). The request goes out exactly as signed. Resolves with
 * the object; rejects with S3's own error code for any other answer.
 */
export async function getObject(input: GetObjectInput): Promise<ReadObject> {
	const url = `https://${input.bucket}.s3.${input.region}.amazonaws.com/${input.key}`;
	const unsigned: WireRequest = { method: 'GET', url, headers: [], body: new Uint8Array() };
	const { accessKeyId, secretAccessKey, sessionToken } = input.credentials;
	const signed = await signRequest(
		unsigned,
		{ accessKeyId, secretAccessKey, sessionToken },
		{ service: 's3', region: input.region, now: input.clock.now() }
	);
	const response = await input.send(signed);
	if (response.status === 200)
		return {
			body: bodyText(response),
			contentType: header(response, 'content-type') ?? ''
		};
	const outcome = readOutcome(response);
	const failure: BasicFlowFailure = {
		source: 's3',
		code: outcome.code ?? `HTTP ${response.status}`,
		message: outcome.message ?? '',
		status: response.status
	};
	throw failure;
}

export const getObjectActor = fromPromise<ReadObject, GetObjectInput>(({ input }) =>
	getObject(input)
);
