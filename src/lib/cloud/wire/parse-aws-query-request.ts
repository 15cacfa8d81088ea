import { AwsServiceError } from './aws-service-error';
import { header, type WireRequest } from './http-message';
import { readBodyCapped } from './read-body-capped';

/** A Query request: the operation, the API version and every other parameter, flat. */
export interface AwsQueryRequest {
	action: string;
	version: string;
	/** Flat parameters as sent (`RoleArn`, `PolicyArns.member.1.arn`, …), without `Action`/`Version`. */
	params: Map<string, string>;
}

export interface ParseAwsQueryOptions {
	/** The operations this service has; any other `Action` is `InvalidAction`. */
	operations: ReadonlySet<string>;
	/** The API version the service speaks, e.g. `2011-06-15`. */
	version: string;
	/** Largest body accepted (bytes). */
	maxBytes?: number;
}

/**
 * Every parameter of a Query request: the query string, then (for a form POST) the body, whose
 * values win. AWS accepts either (cognito.md §8.1); `URLSearchParams` never throws on bad escapes.
 */
export function awsQueryParams(request: WireRequest, maxBytes = 256 * 1024): URLSearchParams {
	const params = new URLSearchParams(safeSearch(request.url));
	const type = header(request, 'content-type')?.toLowerCase() ?? '';
	if (
		request.body.byteLength > 0 &&
		(type === '' || type.startsWith('application/x-www-form-urlencoded'))
	)
		for (const [name, value] of new URLSearchParams(readBodyCapped(request, maxBytes)))
			params.set(name, value);
	return params;
}

/** The `Action` of a Query request, for the arrow's label; `undefined` when it has none. */
export function awsQueryAction(request: WireRequest): string | undefined {
	try {
		return awsQueryParams(request).get('Action') ?? undefined;
	} catch {
		return undefined;
	}
}

/**
 * Parses a Query request as labelled steps: read the parameters, check the action, keep the rest.
 * Throws `AwsServiceError`s that `awsQueryErrorResponse` turns into the XML error.
 *
 * @example parseAwsQueryRequest(request, { operations: new Set(['AssumeRoleWithWebIdentity']), version: '2011-06-15' })
 */
export function parseAwsQueryRequest(
	request: WireRequest,
	options: ParseAwsQueryOptions
): AwsQueryRequest {
	// Read parameters.
	const params = awsQueryParams(request, options.maxBytes);

	// Check action. SIM: `MissingAction` and its message are from the Query APIs' common-errors
	// lists (EC2, STS); a reply to a request without `Action` was not observed.
	const action = params.get('Action');
	if (!action)
		throw new AwsServiceError(
			'MissingAction',
			'The request is missing an action or a required parameter.'
		);
	// OBSERVED wording for Query services (aws/aws-cli#37, SES): "Could not find operation X for version Y".
	const version = params.get('Version') ?? options.version;
	if (!options.operations.has(action) || version !== options.version)
		throw new AwsServiceError(
			'InvalidAction',
			`Could not find operation ${action} for version ${version}`
		);

	params.delete('Action');
	params.delete('Version');
	return { action, version, params: new Map(params) };
}

/**
 * A list member as the Query protocol flattens it: `PolicyArns.member.1.arn=…&PolicyArns.member.2.arn=…`
 * becomes `[{ arn: '…' }, { arn: '…' }]`, in index order.
 *
 * @example queryListMember(params, 'PolicyArns') // [{ arn: 'arn:aws:iam::aws:policy/ReadOnly' }]
 */
export function queryListMember(
	params: ReadonlyMap<string, string>,
	name: string
): Record<string, string>[] {
	const prefix = `${name}.member.`;
	const items = new Map<number, Record<string, string>>();
	for (const [key, value] of params) {
		if (!key.startsWith(prefix)) continue;
		const match = /^(\d+)(?:\.(.+))?$/.exec(key.slice(prefix.length));
		if (!match) continue;
		const index = Number(match[1]);
		const item = items.get(index) ?? {};
		item[match[2] ?? ''] = value;
		items.set(index, item);
	}
	return [...items.entries()].sort(([a], [b]) => a - b).map(([, item]) => item);
}

function safeSearch(url: string): string {
	try {
		return new URL(url).search;
	} catch {
		return '';
	}
}
