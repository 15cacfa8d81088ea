import { fromPromise } from 'xstate';
import { callAwsJson } from '$lib/cloud/wire';
import { awsJsonRefusal } from '../guest-access-failure';
import type { GuestAccessInput, GuestCredentials } from '../guest-access-types';
import { signWith } from '../sign-with';

/**
 * Systems Manager `GetParameter` (AWS JSON 1.1, `AmazonSSM.GetParameter`), signed for the service
 * `ssm` with the guest's credentials. Resolves with the parameter's value.
 */
export const getParameterActor = fromPromise<
	string,
	GuestAccessInput & { credentials: GuestCredentials }
>(async ({ input }) => {
	try {
		const { Parameter } = await callAwsJson<{ Parameter: { Value: string } }>(input.fetch, {
			host: `ssm.${input.region}.amazonaws.com`,
			targetPrefix: 'AmazonSSM',
			operation: 'GetParameter',
			body: { Name: input.parameterName },
			sign: signWith(input, input.credentials, 'ssm')
		});
		return Parameter.Value;
	} catch (error) {
		throw awsJsonRefusal('ssm', error);
	}
});
