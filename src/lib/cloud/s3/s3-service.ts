import type { Service, ServiceCall, ServiceContext } from '../service';
import { rawUrl } from '../sigv4/raw-url';
import type { WireRequest, WireResponse } from '../wire/http-message';
import { authenticateS3Request } from './authenticate';
import { createBucketStore, type BucketStore } from './bucket-store';
import { getObject } from './operations/get-object';
import { headBucket } from './operations/head-bucket';
import { listObjects } from './operations/list-objects';
import { putObject } from './operations/put-object';
import { S3Error, s3ErrorResponse, type S3RequestIds } from './s3-error';
import {
	bucketOfHost,
	keyAndQuery,
	s3Operation,
	type S3Operation,
	type S3Request
} from './s3-request';

const operations: Record<S3Operation, (request: S3Request) => Promise<WireResponse>> = {
	GetObject: getObject,
	HeadObject: getObject,
	PutObject: putObject,
	ListObjectsV2: listObjects,
	ListObjects: listObjects,
	HeadBucket: headBucket
};

export interface S3Service extends Service {
	readonly actor: 's3';
	/** The objects of this cloud's buckets (for the inspector and tests). */
	readonly store: BucketStore;
}

/**
 * Amazon S3 for the scenario's buckets, virtual-hosted style
 * (`https://<bucket>.s3.<region>.amazonaws.com/<key>`): GetObject, HeadObject, PutObject,
 * ListObjectsV2 (and ListObjects, HeadBucket), authenticated with SigV4 exactly as `S3Client`
 * signs, authorized with the caller's IAM policies, answered with S3's XML errors.
 *
 * @example network.register(createS3Service(context));
 */
export function createS3Service(context: ServiceContext): S3Service {
	const store = createBucketStore(context.scenario, context.clock.now());
	const region = context.scenario.region;

	async function answer(wire: WireRequest, call: ServiceCall, ids: S3RequestIds) {
		// Route: the bucket from the host, the operation from method, key and query
		const bucket = bucketOfHost(rawUrl(wire.url).host.toLowerCase(), region) ?? '';
		if (!store.has(bucket))
			throw new S3Error('NoSuchBucket', 'The specified bucket does not exist', 404, {
				BucketName: bucket
			});
		const operation = s3Operation(wire.method, wire.url);
		const { key, query } = keyAndQuery(wire.url);
		if (!operation)
			// ⚠ SIM: the other S3 operations (DeleteObject, CreateBucket, ...) are not simulated.
			throw new S3Error(
				'MethodNotAllowed',
				'The specified method is not allowed against this resource.',
				405,
				{
					Method: wire.method,
					ResourceType: key === '' ? 'BUCKET' : 'OBJECT'
				}
			);
		// Authenticate, then let the operation authorize and answer
		const caller = await authenticateS3Request(wire, context, call);
		return operations[operation]({ wire, bucket, key, query, caller, store, context, call, ids });
	}

	return {
		actor: 's3',
		store,
		matches: (url) => url.protocol === 'https:' && bucketOfHost(url.hostname, region) !== undefined,
		label: (request, url) =>
			s3Operation(request.method, url.href) ?? `${request.method} ${url.pathname}`,
		async handle(request, call) {
			const ids = requestIds(context);
			try {
				return await answer(request, call, ids);
			} catch (error) {
				if (error instanceof S3Error) return s3ErrorResponse(error, ids, request.method);
				// A simulator bug still answers as S3 does.
				const message = error instanceof Error ? error.message : String(error);
				return s3ErrorResponse(new S3Error('InternalError', message, 500), ids, request.method);
			}
		}
	};
}

const idAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A 16-character request id and a base64 host id, shaped like S3's. */
function requestIds(context: ServiceContext): S3RequestIds {
	const requestId = Array.from(
		context.random.bytes(16),
		(b) => idAlphabet[b % idAlphabet.length]
	).join('');
	const hostId = btoa(String.fromCharCode(...context.random.bytes(57)));
	return { requestId, hostId };
}
