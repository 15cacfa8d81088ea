import { authorizeCaller, explainDecision } from '../iam';
import { accessDenied } from './s3-error';
import type { S3Request } from './s3-request';

/** `arn:aws:s3:::<bucket>` or `arn:aws:s3:::<bucket>/<key>`. */
export const s3Arn = (bucket: string, key?: string) =>
	key === undefined ? `arn:aws:s3:::${bucket}` : `arn:aws:s3:::${bucket}/${key}`;

/**
 * Whether the caller's IAM policies allow `action` on `resource`, with the decision explained on
 * the exchange. An anonymous caller has no policies; with no bucket policy in the scenario it is
 * never allowed.
 */
export function isAllowed(
	request: S3Request,
	action: string,
	resource: string,
	context: Record<string, string | string[]> = {}
): boolean {
	if (request.caller.kind === 'anonymous') {
		request.call.explain({
			kind: 'permissions',
			title: `${action} on ${resource}`,
			verdict: 'fail',
			checks: [
				{
					label: 'Caller',
					value: 'anonymous (no signature)',
					verdict: 'fail',
					note: 'No bucket policy grants anything to anonymous callers, so S3 denies the request.'
				}
			]
		});
		return false;
	}
	const decision = authorizeCaller(request.caller.owner, { action, resource, context });
	request.call.explain(explainDecision(`${action} on ${resource}`, decision));
	return decision.effect === 'Allow';
}

/** Throws S3's `AccessDenied` unless the caller may do `action` on `resource`. */
export function authorize(
	request: S3Request,
	action: string,
	resource: string,
	context?: Record<string, string | string[]>
): void {
	if (!isAllowed(request, action, resource, context)) throw accessDenied();
}
