import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prettyBody, reindentJson } from './pretty-body';

const awsJson = 'application/x-amz-json-1.1';
/** Removes whitespace outside JSON strings: what must be equal before and after re-indenting. */
const squeeze = (json: string) =>
	json.replace(/("(?:[^"\\]|\\.)*")|\s+/g, (_, str?: string) => str ?? '');

describe('prettyBody', () => {
	it('indents JSON with two spaces', () => {
		expect(prettyBody('{"a":1,"b":[true,null],"c":{},"d":[]}', awsJson)).toEqual({
			kind: 'json',
			text: '{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ],\n  "c": {},\n  "d": []\n}'
		});
	});

	it('keeps numbers and strings exactly as sent, even where JSON.parse would change them', () => {
		const raw =
			'{"big":12345678901234567890123,"f":1.50,"e":1E+2,"s":"a\\"b\\u00e9 {,:}","dup":1,"dup":2}';
		const { text } = prettyBody(raw, awsJson);
		expect(squeeze(text)).toBe(raw);
		expect(text).toContain('"big": 12345678901234567890123');
		expect(text).toContain('"s": "a\\"b\\u00e9 {,:}"');
	});

	it('re-indents any JSON without changing a single token', () => {
		fc.assert(
			fc.property(fc.json(), (json) => {
				const pretty = reindentJson(json);
				expect(squeeze(pretty)).toBe(squeeze(json));
				expect(JSON.parse(pretty)).toEqual(JSON.parse(json));
			}),
			{ numRuns: 300 }
		);
	});

	it('shows JSON-labelled garbage as it arrived, with a note', () => {
		const result = prettyBody('{"AccessToken": "eyJ', `${awsJson}; charset=utf-8`);
		expect(result.kind).toBe('text');
		expect(result.text).toBe('{"AccessToken": "eyJ');
		expect(result.note).toMatch(
			/^The body is labelled application\/x-amz-json-1\.1 but is not valid JSON \(.+\); shown as it arrived\.$/
		);
	});

	it('decodes url-encoded fields, leaves XML and text alone, and knows an empty body', () => {
		const form = prettyBody(
			'grant_type=refresh_token&client_id=abc%20d',
			'application/x-www-form-urlencoded'
		);
		expect(form).toEqual({
			kind: 'form',
			text: 'grant_type = refresh_token\nclient_id = abc d',
			fields: [
				['grant_type', 'refresh_token'],
				['client_id', 'abc d']
			]
		});
		expect(prettyBody('<?xml version="1.0"?><A/>').kind).toBe('xml');
		expect(prettyBody('hello', 'text/plain')).toEqual({ kind: 'text', text: 'hello' });
		expect(prettyBody('')).toEqual({ kind: 'empty', text: '' });
	});

	it('never throws on any body', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'binary' }),
				fc.constantFrom('', awsJson, 'application/x-www-form-urlencoded'),
				(body, type) => {
					expect(typeof prettyBody(body, type).text).toBe('string');
				}
			),
			{ numRuns: 300 }
		);
	});
});
