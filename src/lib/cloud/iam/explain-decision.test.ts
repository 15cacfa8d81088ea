import { describe, expect, it } from 'vitest';
import { evaluatePolicies } from './evaluate-policies';
import { explainDecision } from './explain-decision';
import type { PolicyStatement } from '../scenario/types';

const statements: PolicyStatement[] = [
	{ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
	{ Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::notes/secret/*' }
];
const decideFor = (resource: string) =>
	evaluatePolicies({
		policies: [{ name: 'notes', document: { Version: '2012-10-17', Statement: statements } }],
		request: { action: 's3:GetObject', resource, context: {} }
	});

describe('explainDecision', () => {
	it('shows one check per statement, named by policy and Sid or position, then the decision', () => {
		const explanation = explainDecision('Permissions', decideFor('arn:aws:s3:::notes/a'));
		expect(explanation).toMatchObject({
			kind: 'permissions',
			title: 'Permissions',
			verdict: 'pass'
		});
		expect(explanation.checks.map((c) => [c.label, c.verdict])).toEqual([
			['notes · Read', 'pass'],
			['notes · statement 2', 'skip'],
			['Decision', 'pass']
		]);
		expect(explanation.checks[0]?.value).toBe(JSON.stringify(statements[0], null, 2));
		expect(explanation.checks[0]?.note).toBe(
			'Action s3:GetObject matches the action; Resource * matches the resource; no Condition. This statement decided: allowed.'
		);
	});

	it('names the Deny that decided', () => {
		const explanation = explainDecision('Permissions', decideFor('arn:aws:s3:::notes/secret/a'));
		expect(explanation.verdict).toBe('fail');
		expect(explanation.checks[1]?.verdict).toBe('fail');
		expect(explanation.checks[1]?.note).toMatch(
			/This statement decided: an explicit Deny beats every Allow\.$/
		);
		expect(explanation.checks[2]?.value).toBe('ExplicitDeny');
	});

	it('says nothing allowed it on an implicit deny', () => {
		const explanation = explainDecision(
			'Trust policy',
			evaluatePolicies({ policies: [], request: { action: 'a:b', resource: 'r', context: {} } }),
			'trust-policy'
		);
		expect(explanation.kind).toBe('trust-policy');
		expect(explanation.checks).toEqual([
			{
				label: 'Decision',
				value: 'ImplicitDeny',
				verdict: 'fail',
				note: 'No statement allows it, so it is implicitly denied.'
			}
		]);
	});
});
