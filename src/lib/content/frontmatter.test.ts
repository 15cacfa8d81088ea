import { describe, expect, it } from 'vitest';
import {
	assertUniquePassages,
	ContentError,
	mistakePassageId,
	optionalPositiveInteger,
	parseNumberedName,
	requireFrontmatter,
	requireId,
	requireOneOf,
	requireString,
	stepPassageId
} from './index';

const file = 'content/flows/01-user-pool-sign-in/steps/03-x.md';

/** Runs `fn`, expects a ContentError, and returns it so the test can read file and field. */
function caught(fn: () => unknown): ContentError {
	try {
		fn();
	} catch (error) {
		if (error instanceof ContentError) return error;
		throw error;
	}
	throw new Error('expected a ContentError, nothing was thrown');
}

describe('frontmatter validators', () => {
	it('reject a missing, empty or non-string field, naming the file and the field', () => {
		const message = `${file}: frontmatter field "step" must be a non-empty string`;
		for (const meta of [{}, { step: '' }, { step: '   ' }, { step: 3 }, { step: null }]) {
			expect(() => requireString(meta, 'step', file)).toThrow(message);
		}
		const error = caught(() => requireString({}, 'step', file));
		expect(error).toMatchObject({ name: 'ContentError', file, field: 'step' });
		expect(requireString({ step: 'get-user' }, 'step', file)).toBe('get-user');
	});

	it('reject frontmatter that is missing or not a mapping', () => {
		for (const metadata of [undefined, null, 'title: x', ['a']]) {
			expect(() => requireFrontmatter(metadata, file)).toThrow(
				`${file}: frontmatter field "(frontmatter)" must be a YAML mapping at the top of the file`
			);
		}
	});

	it('reject an id that is not kebab-case', () => {
		expect(() => requireId({ step: 'Get_User' }, 'step', file)).toThrow(
			`${file}: frontmatter field "step" must be a kebab-case id, got "Get_User"`
		);
		expect(requireId({ step: 'get-user' }, 'step', file)).toBe('get-user');
	});

	it('reject a value outside the allowed list, quoting what was written', () => {
		expect(() => requireOneOf({ status: 'soon' }, 'status', ['available', 'coming'], file)).toThrow(
			`${file}: frontmatter field "status" must be one of "available", "coming", got "soon"`
		);
		expect(() => requireOneOf({}, 'status', ['available', 'coming'], file)).toThrow(
			`${file}: frontmatter field "status" must be one of "available", "coming", got null`
		);
	});

	it('accept a missing optional number but reject a quoted, zero or fractional one', () => {
		expect(optionalPositiveInteger({}, 'minutes', file)).toBeUndefined();
		expect(optionalPositiveInteger({ minutes: 25 }, 'minutes', file)).toBe(25);
		expect(() => optionalPositiveInteger({ minutes: '25' }, 'minutes', file)).toThrow(
			`${file}: frontmatter field "minutes" must be a positive whole number, got "25"`
		);
		for (const minutes of [0, -5, 2.5]) {
			expect(() => optionalPositiveInteger({ minutes }, 'minutes', file)).toThrow(
				`must be a positive whole number, got ${minutes}`
			);
		}
	});
});

describe('numbered names', () => {
	it('split the order number from the id and drop the .md extension', () => {
		expect(parseNumberedName('01-user-pool-sign-in', file)).toEqual({
			order: 1,
			id: 'user-pool-sign-in'
		});
		expect(parseNumberedName('10-refresh-after-sign-out.md', file)).toEqual({
			order: 10,
			id: 'refresh-after-sign-out'
		});
	});

	it('reject a name without its number', () => {
		const error = caught(() => parseNumberedName('get-user.md', file));
		expect(error.message).toBe(
			`${file}: name "get-user.md" must look like NN-kebab-id (a number, a dash, then the id)`
		);
		expect(error.field).toBe('get-user.md');
	});
});

describe('passage ids', () => {
	const stepKey = '/content/flows/01-user-pool-sign-in/steps/06-get-user.md';
	const mistakeKey = '/content/flows/01-user-pool-sign-in/mistakes/wrong-password.md';

	it('take the step from the frontmatter and the order from the file name', () => {
		expect(stepPassageId(stepKey, { step: 'get-user' })).toEqual({ order: 6, step: 'get-user' });
		expect(mistakePassageId(mistakeKey, { mistake: 'wrong-password' })).toBe('wrong-password');
	});

	it('reject a passage whose frontmatter names another step or mistake than its file', () => {
		expect(() => stepPassageId(stepKey, { step: 'initiate-auth' })).toThrow(
			'content/flows/01-user-pool-sign-in/steps/06-get-user.md: frontmatter field "step" is "initiate-auth" but the file name says "get-user"'
		);
		expect(() => mistakePassageId(mistakeKey, { mistake: 'wrong-mfa-code' })).toThrow(
			'content/flows/01-user-pool-sign-in/mistakes/wrong-password.md: frontmatter field "mistake" is "wrong-mfa-code" but the file name says "wrong-password"'
		);
	});

	it('reject a passage without its id field', () => {
		expect(() => stepPassageId(stepKey, { title: 'Get the user' })).toThrow(
			'content/flows/01-user-pool-sign-in/steps/06-get-user.md: frontmatter field "step" must be a non-empty string'
		);
		expect(() => mistakePassageId(mistakeKey, undefined)).toThrow(
			'content/flows/01-user-pool-sign-in/mistakes/wrong-password.md: frontmatter field "(frontmatter)" must be a YAML mapping at the top of the file'
		);
	});

	it('reject two passages for the same step, naming both files', () => {
		expect(() =>
			assertUniquePassages(
				[
					['/content/flows/01-a/steps/03-get-user.md', 'get-user'],
					['/content/flows/01-a/steps/07-get-user.md', 'get-user']
				],
				'step'
			)
		).toThrow(
			'content/flows/01-a/steps/07-get-user.md: frontmatter field "step" repeats "get-user", already used by content/flows/01-a/steps/03-get-user.md'
		);
	});
});
