import type { Service, ServiceCall, ServiceContext } from '../service';
import { sigv4Explanation, verifySigV4 } from '../sigv4';
import {
	AwsServiceError,
	awsJsonErrorResponse,
	awsJsonOperation,
	awsJsonResponse,
	parseAwsJsonRequest,
	type WireRequest,
	type WireResponse
} from '../wire';
import { sigV4Error } from './errors';
import { getParameter } from './get-parameter';
import { createSsmModel } from './model';

/**
 * AWS Systems Manager's Parameter Store on `ssm.<region>.amazonaws.com`, AWS JSON 1.1
 * (`X-Amz-Target: AmazonSSM.<Op>`), with one operation: `GetParameter`. It is here because it is
 * not on the enhanced flow's list of services for guests (cognito.md §7.9), so a guest role that
 * allows it still gets `AccessDeniedException`: the shared SigV4 verifier authenticates the
 * caller and the shared IAM evaluation, session policy included, decides.
 *
 * @example network.register(createSsmService(context));
 */
export function createSsmService(context: ServiceContext): Service {
	const model = createSsmModel(context);
	const host = `ssm.${model.region}.amazonaws.com`;
	const operations = new Set(['GetParameter']);

	async function answer(request: WireRequest, call: ServiceCall, requestId: string) {
		// Authenticate the caller (every Parameter Store operation is signed)
		const signature = await verifySigV4(request, {
			service: 'ssm',
			region: model.region,
			now: context.clock.now(),
			account: context.account
		});
		call.explain(sigv4Explanation(signature));
		if (!signature.ok) throw sigV4Error(signature);

		// Read the operation, then run it
		const { input } = parseAwsJsonRequest(request, { targetPrefix: 'AmazonSSM', operations });
		return awsJsonResponse(getParameter(model, input, signature.owner, call), requestId);
	}

	return {
		actor: 'ssm',
		matches: (url) => url.protocol === 'https:' && url.host === host,
		label: (request) =>
			awsJsonOperation(request) ?? `${request.method} ${new URL(request.url).pathname}`,
		async handle(request, call): Promise<WireResponse> {
			const requestId = context.random.uuid();
			try {
				return await answer(request, call, requestId);
			} catch (error) {
				if (error instanceof AwsServiceError) return awsJsonErrorResponse(error, requestId);
				// A simulator bug still answers like AWS: 500 InternalServerError.
				const message = error instanceof Error ? error.message : String(error);
				return awsJsonErrorResponse(
					new AwsServiceError('InternalServerError', message, 500),
					requestId
				);
			}
		}
	};
}
