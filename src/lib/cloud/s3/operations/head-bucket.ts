import { wireResponse, type WireResponse } from '../../wire/http-message';
import { authorize, s3Arn } from '../authorize';
import type { S3Request } from '../s3-request';

/** HeadBucket (`HEAD /`): 200 with the bucket's region when the caller may list it. */
export async function headBucket(request: S3Request): Promise<WireResponse> {
	authorize(request, 's3:ListBucket', s3Arn(request.bucket));
	return wireResponse(200, {
		'x-amz-request-id': request.ids.requestId,
		'x-amz-id-2': request.ids.hostId,
		'x-amz-bucket-region': request.context.scenario.region,
		server: 'AmazonS3'
	});
}
