// Amazon S3: buckets by virtual host, SigV4 as S3Client signs, IAM, S3's XML errors.
export { createS3Service, type S3Service } from './s3-service';
export { bucketOfHost, s3Operation, type S3Operation } from './s3-request';
export type { BucketStore, StoredObject } from './bucket-store';
