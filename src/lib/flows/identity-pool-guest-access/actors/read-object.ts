import { fromPromise } from 'xstate';
import { callS3 } from '../call-s3';
import type { GuestAccessInput, GuestCredentials, ReadObject } from '../guest-access-types';

/** S3 `GetObject` of the public object, signed with the guest's credentials. */
export const readObjectActor = fromPromise<
	ReadObject,
	GuestAccessInput & { credentials: GuestCredentials }
>(async ({ input }) => {
	const { contentType, text } = await callS3(input, input.credentials, {
		method: 'GET',
		key: input.readKey
	});
	return { key: input.readKey, contentType, text };
});
