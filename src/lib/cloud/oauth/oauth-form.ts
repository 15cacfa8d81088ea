import { bodyText, header, type WireRequest } from '../wire/http-message';
import { TokenError } from './oauth-responses';

/**
 * An OAuth parameter's value, or `null` when it is missing, empty or repeated: a parameter that
 * appears twice is as bad as a missing one (RFC 6749 §3.1, §3.2).
 */
export function singleParam(params: URLSearchParams, name: string): string | null {
	const values = params.getAll(name);
	return values.length === 1 && values[0] !== '' ? values[0]! : null;
}

/**
 * The form an OAuth endpoint reads: `application/x-www-form-urlencoded` or `invalid_request`.
 * (Parsing a form never throws: bad escapes are kept as they are.)
 */
export function readForm(request: WireRequest): URLSearchParams {
	if (!/^application\/x-www-form-urlencoded\b/i.test(header(request, 'content-type') ?? ''))
		throw new TokenError('invalid_request', 'the body must be application/x-www-form-urlencoded');
	return formOrEmpty(request);
}

/** The form a page posts, or an empty one for a body of another type (pages never refuse it). */
export function formOrEmpty(request: WireRequest): URLSearchParams {
	return /^application\/x-www-form-urlencoded\b/i.test(header(request, 'content-type') ?? '')
		? new URLSearchParams(bodyText(request))
		: new URLSearchParams();
}
