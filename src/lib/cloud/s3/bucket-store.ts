import type { Scenario } from '../scenario/types';
import { utf8Bytes } from '../wire/http-message';
import type { ChecksumAlgorithm } from './checksums';

/** An object as S3 keeps it: the bytes and the metadata GetObject and HeadObject send back. */
export interface StoredObject {
	key: string;
	body: Uint8Array;
	contentType: string;
	/** Epoch ms. */
	lastModified: number;
	/** The full-object checksum S3 stored with it (CRC64NVME when the upload named none). */
	checksumAlgorithm: ChecksumAlgorithm;
	/** User metadata (`x-amz-meta-*`), names without the prefix, lower case. */
	metadata: Record<string, string>;
}

/** The buckets of one cloud: the scenario's objects, then whatever was written while it runs. */
export interface BucketStore {
	has(bucket: string): boolean;
	get(bucket: string, key: string): StoredObject | undefined;
	put(bucket: string, object: StoredObject): void;
	/** Every object of the bucket, sorted by key in UTF-8 byte order (as S3 lists them). */
	list(bucket: string): StoredObject[];
}

/**
 * Buckets in memory, per cloud (never shared between clouds or pages). Scenario objects carry the
 * cloud's start time as their `LastModified`.
 */
export function createBucketStore(scenario: Scenario, createdAt: number): BucketStore {
	const buckets = new Map(
		scenario.s3.buckets.map((bucket) => [
			bucket.name,
			new Map(
				bucket.objects.map((o): [string, StoredObject] => [
					o.key,
					{
						key: o.key,
						body: utf8Bytes(o.body),
						contentType: o.contentType,
						lastModified: createdAt,
						checksumAlgorithm: 'crc64nvme',
						metadata: {}
					}
				])
			)
		])
	);
	return {
		has: (bucket) => buckets.has(bucket),
		get: (bucket, key) => buckets.get(bucket)?.get(key),
		put(bucket, object) {
			buckets.get(bucket)?.set(object.key, object);
		},
		list(bucket) {
			return [...(buckets.get(bucket)?.values() ?? [])].sort((a, b) => compareUtf8(a.key, b.key));
		}
	};
}

/** S3 orders keys by their UTF-8 bytes, which differs from UTF-16 order above U+FFFF. */
export function compareUtf8(a: string, b: string): number {
	const x = utf8Bytes(a);
	const y = utf8Bytes(b);
	for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
	return x.length - y.length;
}
