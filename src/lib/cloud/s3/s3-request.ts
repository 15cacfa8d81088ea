import type { ServiceCall, ServiceContext } from '../service';
import { unescapeUri } from '../sigv4/escape-uri';
import { queryPairs, rawUrl } from '../sigv4/raw-url';
import type { WireRequest } from '../wire/http-message';
import type { S3Caller } from './authenticate';
import type { BucketStore } from './bucket-store';
import type { S3RequestIds } from './s3-error';

/** The S3 operations the simulator answers, as S3 names them. */
export type S3Operation =
	'GetObject' | 'HeadObject' | 'PutObject' | 'ListObjectsV2' | 'ListObjects' | 'HeadBucket';

/** One request to a bucket, parsed: what every operation receives. */
export interface S3Request {
	wire: WireRequest;
	bucket: string;
	/** The object key, decoded from the path; empty for the bucket itself. */
	key: string;
	/** Query parameters, decoded; the first value of a repeated name. */
	query: Map<string, string>;
	caller: S3Caller;
	store: BucketStore;
	context: ServiceContext;
	call: ServiceCall;
	ids: S3RequestIds;
}

/** The bucket named by a virtual-hosted-style host, `<bucket>.s3.<region>.amazonaws.com`. */
export function bucketOfHost(host: string, region: string): string | undefined {
	const suffix = `.s3.${region}.amazonaws.com`;
	if (!host.endsWith(suffix)) return undefined;
	const bucket = host.slice(0, -suffix.length);
	return bucket === '' ? undefined : bucket;
}

/** The key and query of a request, as S3 decodes them from the raw URL. */
export function keyAndQuery(url: string): { key: string; query: Map<string, string> } {
	const raw = rawUrl(url);
	const query = new Map<string, string>();
	for (const [name, value] of queryPairs(raw.query, unescapeUri))
		if (!query.has(name)) query.set(name, value);
	return { key: unescapeUri(raw.path.replace(/^\//, '')), query };
}

/**
 * The operation a request names, from its method, whether it has a key, and the query (the REST
 * routing S3 uses, and the arrow's label); `undefined` for one the simulator does not answer.
 */
export function s3Operation(method: string, url: string): S3Operation | undefined {
	const { key, query } = keyAndQuery(url);
	if (key === '') {
		if (method === 'GET') return query.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
		if (method === 'HEAD') return 'HeadBucket';
		return undefined;
	}
	if (method === 'GET') return 'GetObject';
	if (method === 'HEAD') return 'HeadObject';
	if (method === 'PUT') return 'PutObject';
	return undefined;
}
