import { parseXml, type XmlElement, type XmlNode } from './parse-xml';

/** The error a Query service answered with: `<Code>`, `<Message>`, HTTP status, request id. */
export class AwsQueryError extends Error {
	override name = 'AwsQueryError';

	constructor(
		/** `<Code>`, e.g. `InvalidIdentityToken`, `AccessDenied`. */
		readonly code: string,
		message: string,
		readonly status: number,
		/** `Sender` or `Receiver`. */
		readonly type: string,
		readonly requestId: string | undefined
	) {
		super(message);
	}
}

type QueryFetch = (input: string, init: RequestInit) => Promise<Response>;

/**
 * Calls a Query API operation the way the AWS SDK does (form POST with `Action` and `Version`) and
 * answers the `<ActionResult>` element as plain objects, or throws an `AwsQueryError`.
 *
 * @example
 * const result = await callAwsQuery(cloud.fetch, 'https://sts.amazonaws.com/',
 *   'AssumeRoleWithWebIdentity', { RoleArn, RoleSessionName: 'app', WebIdentityToken: token });
 * result.Credentials // { AccessKeyId: 'ASIA…', … }
 */
export async function callAwsQuery(
	fetch: QueryFetch,
	url: string,
	action: string,
	params: Record<string, string | number | undefined>,
	options: { version?: string } = {}
): Promise<XmlElement> {
	const body = new URLSearchParams();
	for (const [name, value] of Object.entries(params))
		if (value !== undefined) body.append(name, String(value));
	body.append('Action', action);
	body.append('Version', options.version ?? '2011-06-15');
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
		body: body.toString()
	});
	const text = await response.text();
	let document: XmlElement = {};
	try {
		document = parseXml(text);
	} catch {
		// Not XML at all: reported below by status.
	}
	const requestId = response.headers.get('x-amzn-requestid') ?? undefined;
	if (!response.ok) {
		const root = asElement(document.ErrorResponse);
		const error = asElement(root.Error);
		throw new AwsQueryError(
			asText(error.Code) ?? `HTTP ${response.status}`,
			asText(error.Message) ?? text,
			response.status,
			asText(error.Type) ?? (response.status >= 500 ? 'Receiver' : 'Sender'),
			asText(root.RequestId) ?? requestId
		);
	}
	const result = asElement(asElement(document[`${action}Response`])[`${action}Result`]);
	return result;
}

function asElement(node: XmlNode | XmlNode[] | undefined): XmlElement {
	return typeof node === 'object' && !Array.isArray(node) ? node : {};
}

function asText(node: XmlNode | XmlNode[] | undefined): string | undefined {
	return typeof node === 'string' ? node : undefined;
}
