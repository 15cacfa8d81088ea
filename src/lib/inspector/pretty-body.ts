export type BodyKind = 'empty' | 'json' | 'form' | 'xml' | 'text';

export interface PrettyBody {
	kind: BodyKind;
	/** What to show in the readable view. For JSON only whitespace differs from the raw bytes. */
	text: string;
	/** Url-encoded bodies: the decoded fields, in order. */
	fields?: [name: string, value: string][];
	/** A warning for the learner, e.g. a body labelled JSON that does not parse. */
	note?: string;
}

/**
 * A readable view of a recorded body. JSON is re-indented token by token instead of parsed and
 * re-serialised, so every string, number and key stays byte-for-byte what the wire carried (a
 * round trip through `JSON.parse` would round large numbers and drop duplicate keys). Never throws.
 *
 * @example prettyBody('{"a":1}', 'application/x-amz-json-1.1').text // -> '{\n  "a": 1\n}'
 */
export function prettyBody(body: string, contentType = ''): PrettyBody {
	const type = contentType.toLowerCase();
	if (body === '') return { kind: 'empty', text: '' };

	const trimmed = body.trimStart();
	const saysJson = type.includes('json');
	if (saysJson || trimmed.startsWith('{') || trimmed.startsWith('[')) {
		const problem = jsonProblem(body);
		if (problem === undefined) return { kind: 'json', text: reindentJson(body) };
		if (saysJson) {
			return {
				kind: 'text',
				text: body,
				note: `The body is labelled ${contentType.split(';')[0]} but is not valid JSON (${problem}); shown as it arrived.`
			};
		}
	}
	if (type.includes('application/x-www-form-urlencoded')) {
		const fields = [...new URLSearchParams(body)];
		return { kind: 'form', text: fields.map(([k, v]) => `${k} = ${v}`).join('\n'), fields };
	}
	if (type.includes('xml') || trimmed.startsWith('<?xml')) return { kind: 'xml', text: body };
	return { kind: 'text', text: body };
}

function jsonProblem(text: string): string | undefined {
	try {
		JSON.parse(text);
		return undefined;
	} catch (error) {
		return error instanceof Error ? error.message : 'it does not parse';
	}
}

/** Re-indents valid JSON with two spaces, copying every token verbatim. */
export function reindentJson(json: string, indent = '  '): string {
	let out = '';
	let depth = 0;
	let inString = false;
	const newline = () => '\n' + indent.repeat(depth);
	for (let i = 0; i < json.length; i++) {
		const ch = json[i] as string;
		if (inString) {
			out += ch;
			if (ch === '\\') out += json[++i] ?? '';
			else if (ch === '"') inString = false;
			continue;
		}
		switch (ch) {
			case '"':
				inString = true;
				out += ch;
				break;
			case '{':
			case '[': {
				const next = nextSignificant(json, i + 1);
				if (next === '}' || next === ']') {
					out += ch;
				} else {
					depth++;
					out += ch + newline();
				}
				break;
			}
			case '}':
			case ']':
				if (!out.endsWith('{') && !out.endsWith('[')) {
					depth--;
					out += newline();
				}
				out += ch;
				break;
			case ',':
				out += ',' + newline();
				break;
			case ':':
				out += ': ';
				break;
			case ' ':
			case '\t':
			case '\n':
			case '\r':
				break;
			default:
				out += ch;
		}
	}
	return out;
}

function nextSignificant(text: string, from: number): string | undefined {
	for (let i = from; i < text.length; i++) {
		const ch = text[i] as string;
		if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') return ch;
	}
	return undefined;
}
