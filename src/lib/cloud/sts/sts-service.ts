import type { Service, ServiceContext } from '../service';
import {
	AwsServiceError,
	awsQueryAction,
	awsQueryErrorResponse,
	awsQueryResponse,
	parseAwsQueryRequest
} from '../wire';
import { assumeRoleWithWebIdentity } from './assume-role-with-web-identity';
import { matchesStsHost, stsNamespace, stsVersion } from './sts-host';

/**
 * The simulated AWS Security Token Service (Query protocol, XML answers) at `sts.amazonaws.com`
 * and `sts.<region>.amazonaws.com`. It has the one operation the identity-pool flows need,
 * `AssumeRoleWithWebIdentity`; any other action is `InvalidAction`.
 *
 * @example network.register({ actor: 'sts', matches: matchesStsHost, load: async () => createStsService(context) })
 */
export function createStsService(context: ServiceContext): Service {
	const operations = new Set(['AssumeRoleWithWebIdentity']);
	return {
		actor: 'sts',
		matches: matchesStsHost,
		label: (request, url) => awsQueryAction(request) ?? `${request.method} ${url.pathname}`,
		async handle(request, call) {
			const requestId = context.random.uuid();
			try {
				const { action, params } = parseAwsQueryRequest(request, {
					operations,
					version: stsVersion
				});
				const result = await assumeRoleWithWebIdentity(params, context, (e) => call.explain(e));
				return awsQueryResponse(action, result, requestId, stsNamespace);
			} catch (error) {
				if (error instanceof AwsServiceError)
					return awsQueryErrorResponse(error, requestId, stsNamespace);
				// A simulator bug still answers like AWS: 500 InternalFailure, type Receiver.
				const message = error instanceof Error ? error.message : String(error);
				return awsQueryErrorResponse(
					new AwsServiceError('InternalFailure', message, 500),
					requestId,
					stsNamespace
				);
			}
		}
	};
}
