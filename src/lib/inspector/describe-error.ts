import { tryParseJson } from './walk-json';

/** The short, readable name and message of an error response. */
export interface ErrorSummary {
	/** `NotAuthorizedException`, `invalid_grant`, `AccessDenied`, or `HTTP 401 Unauthorized`. */
	type: string;
	message: string;
}

interface ResponseLike {
	status: number;
	statusText: string;
	headers: [name: string, value: string][];
	body: string;
}

/**
 * The error a response carries, read the way each protocol writes it: AWS JSON `__type` (or the
 * `x-amzn-errortype` header) and `message`, OAuth `error` and `error_description`, AWS query XML
 * `<Code>` and `<Message>`, or API Gateway's bare `message`. `null` for a success. Never throws.
 *
 * @example describeError({ status: 400, statusText: 'Bad Request', headers: [],
 *   body: '{"__type":"NotAuthorizedException","message":"Incorrect username or password."}' })
 * // -> { type: 'NotAuthorizedException', message: 'Incorrect username or password.' }
 */
export function describeError(response: ResponseLike): ErrorSummary | null {
	if (response.status < 400) return null;
	const headerType = response.headers.find(([n]) => n.toLowerCase() === 'x-amzn-errortype')?.[1];
	const json = tryParseJson(response.body);
	const body =
		typeof json === 'object' && json !== null && !Array.isArray(json)
			? (json as Record<string, unknown>)
			: {};

	const awsType = text(body.__type) ?? headerType;
	if (awsType) {
		return { type: shortType(awsType), message: text(body.message) ?? text(body.Message) ?? '' };
	}
	const oauth = text(body.error);
	if (oauth) return { type: oauth, message: text(body.error_description) ?? '' };

	const code = /<Code>([^<]*)<\/Code>/.exec(response.body)?.[1];
	if (code)
		return { type: code, message: /<Message>([^<]*)<\/Message>/.exec(response.body)?.[1] ?? '' };

	const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
	return { type: status, message: text(body.message) ?? text(body.Message) ?? '' };
}

/** `com.amazonaws...#NotAuthorizedException` and `NotAuthorizedException:http://...` both name the same error. */
function shortType(type: string): string {
	const afterHash = type.includes('#') ? type.slice(type.lastIndexOf('#') + 1) : type;
	const colon = afterHash.indexOf(':');
	return colon === -1 ? afterHash : afterHash.slice(0, colon);
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}
