/**
 * Shortens an arrow label to `maxChars`, keeping what tells arrows apart. An AWS operation
 * (`RespondToAuthChallenge`) is cut at the end; a `METHOD /path` label keeps the method and the end
 * of the path, because the last segment (`jwks.json`, `token`) is the part that names the call.
 *
 * @example fitLabel('GET /us-east-1_FlowLab01/.well-known/jwks.json', 20) // -> 'GET …/jwks.json'
 */
export function fitLabel(label: string, maxChars: number): string {
	if (label.length <= maxChars) return label;
	if (maxChars < 2) return '…';
	const match = /^([A-Z]+) (\/.*)$/.exec(label);
	if (match) {
		const [, method, path] = match as unknown as [string, string, string];
		const last = path.slice(path.lastIndexOf('/'));
		const short = `${method} …${last}`;
		if (short.length <= maxChars) return short;
	}
	return `${label.slice(0, maxChars - 1)}…`;
}
