import { header, type WireRequest } from '../wire/http-message';

/** The cookies a request carries, by name (the first of a repeated name, as servers commonly do). */
export function requestCookies(request: WireRequest): Map<string, string> {
	const found = new Map<string, string>();
	for (const part of (header(request, 'cookie') ?? '').split(';')) {
		const at = part.indexOf('=');
		if (at <= 0) continue;
		const name = part.slice(0, at).trim();
		if (name && !found.has(name)) found.set(name, part.slice(at + 1).trim());
	}
	return found;
}
