import type { PolicyDocument } from '../scenario/types';
import { queryListMember } from '../wire';
import { malformedPolicyDocument, validationError } from './errors';

export interface AssumeRoleWithWebIdentityInput {
	roleArn: string;
	roleSessionName: string;
	webIdentityToken: string;
	/** Seconds; 3600 when not given. */
	durationSeconds: number;
	/** The inline session policy, parsed. */
	policy?: PolicyDocument;
	policyArns: string[];
	providerId?: string;
}

interface Rule {
	member: string;
	min: number;
	max: number;
	pattern?: RegExp;
	patternText?: string;
	required?: boolean;
	/** Sensitive values are not echoed back (the token). SIM: AWS's redaction is not observed. */
	secret?: boolean;
}

// Constraints of the STS API reference for AssumeRoleWithWebIdentity (cognito.md §8.1).
const rules: Rule[] = [
	{ member: 'RoleArn', min: 20, max: 2048, required: true },
	{
		member: 'RoleSessionName',
		min: 2,
		max: 64,
		pattern: /^[\w+=,.@-]*$/,
		patternText: '[\\w+=,.@-]*',
		required: true
	},
	{ member: 'WebIdentityToken', min: 4, max: 20000, required: true, secret: true },
	{ member: 'ProviderId', min: 4, max: 2048 },
	{ member: 'Policy', min: 1, max: 100000 }
];

const lowerFirst = (name: string) => name[0]!.toLowerCase() + name.slice(1);

/**
 * Reads and checks the operation's parameters as AWS's validator does, reporting every problem at
 * once in one `ValidationError`; then parses the session policy.
 */
export function readAssumeRoleInput(
	params: ReadonlyMap<string, string>
): AssumeRoleWithWebIdentityInput {
	const problems: string[] = [];
	for (const rule of rules) {
		const value = params.get(rule.member);
		const at = `at '${lowerFirst(rule.member)}'`;
		const shown = rule.secret ? '' : ` '${value}'`;
		if (value === undefined) {
			if (rule.required)
				problems.push(`Value null ${at} failed to satisfy constraint: Member must not be null`);
			continue;
		}
		const length = [...value].length;
		if (length < rule.min)
			problems.push(
				`Value${shown} ${at} failed to satisfy constraint: Member must have length greater than or equal to ${rule.min}`
			);
		else if (length > rule.max)
			problems.push(
				`Value${shown} ${at} failed to satisfy constraint: Member must have length less than or equal to ${rule.max}`
			);
		if (rule.pattern && !rule.pattern.test(value))
			problems.push(
				`Value${shown} ${at} failed to satisfy constraint: Member must satisfy regular expression pattern: ${rule.patternText}`
			);
	}

	const durationText = params.get('DurationSeconds');
	const durationSeconds = durationText === undefined ? 3600 : Number(durationText);
	if (durationText !== undefined) {
		const at = `Value '${durationText}' at 'durationSeconds' failed to satisfy constraint:`;
		// SIM: a non-integer is refused here; AWS's exact wording for it was not observed.
		if (!/^-?\d+$/.test(durationText)) problems.push(`${at} Member must be an integer`);
		else if (durationSeconds < 900)
			problems.push(`${at} Member must have value greater than or equal to 900`);
		else if (durationSeconds > 43200)
			problems.push(`${at} Member must have value less than or equal to 43200`);
	}

	const policyArns = queryListMember(params, 'PolicyArns').map((item) => item.arn ?? '');
	if (policyArns.length > 10)
		problems.push(
			`Value '[${policyArns.join(', ')}]' at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to 10`
		);

	if (problems.length > 0) throw validationError(problems);

	const policyText = params.get('Policy');
	return {
		roleArn: params.get('RoleArn')!,
		roleSessionName: params.get('RoleSessionName')!,
		webIdentityToken: params.get('WebIdentityToken')!,
		durationSeconds,
		...(policyText === undefined ? {} : { policy: parseSessionPolicy(policyText) }),
		policyArns,
		...(params.has('ProviderId') ? { providerId: params.get('ProviderId')! } : {})
	};
}

/**
 * SIM: IAM's own checks of a policy's grammar are far richer; this refuses what is not a JSON
 * object with a `Statement`, with IAM's wording for a syntax error.
 */
function parseSessionPolicy(text: string): PolicyDocument {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw malformedPolicyDocument('Syntax errors in policy.');
	}
	if (
		typeof parsed !== 'object' ||
		parsed === null ||
		Array.isArray(parsed) ||
		!('Statement' in parsed)
	)
		throw malformedPolicyDocument('Syntax errors in policy.');
	return parsed as PolicyDocument;
}
