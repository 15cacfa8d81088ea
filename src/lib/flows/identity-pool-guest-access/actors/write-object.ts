import { fromPromise } from 'xstate';
import { callS3 } from '../call-s3';
import type { GuestAccessInput, GuestCredentials } from '../guest-access-types';

/**
 * S3 `PutObject` of a short note under the public prefix, signed with the guest's credentials.
 * The guest role only reads, so S3 refuses it with `AccessDenied`: the machine records that
 * refusal and goes on.
 */
export const writeObjectActor = fromPromise<
	void,
	GuestAccessInput & { credentials: GuestCredentials }
>(async ({ input }) => {
	await callS3(input, input.credentials, {
		method: 'PUT',
		key: input.writeKey,
		body: { text: 'A guest was here.\n', contentType: 'text/plain' }
	});
});
