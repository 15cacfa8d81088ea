import { describe, expect, it } from 'vitest';
import type { PolicyDocument, PolicyStatement } from '../scenario/types';
import { evaluatePolicies } from './evaluate-policies';
import type { AuthorizationRequest } from './policy-decision';

const sub = 'us-east-1:0f2b6c1e-1111-2222-3333-444455556666';
const request = (over: Partial<AuthorizationRequest> = {}): AuthorizationRequest => ({
	action: 's3:GetObject',
	resource: `arn:aws:s3:::notes/private/${sub}/todo.txt`,
	context: { 'cognito-identity.amazonaws.com:sub': sub },
	...over
});
const doc = (...Statement: PolicyStatement[]): PolicyDocument => ({
	Version: '2012-10-17',
	Statement
});
const decide = (statements: PolicyStatement[], over: Partial<AuthorizationRequest> = {}) =>
	evaluatePolicies({
		policies: [{ name: 'p', document: doc(...statements) }],
		request: request(over)
	}).effect;
const allow = (extra: Partial<PolicyStatement>): PolicyStatement => ({
	Effect: 'Allow',
	Action: 's3:GetObject',
	Resource: '*',
	...extra
});

describe('evaluatePolicies: effects', () => {
	it('denies implicitly when no statement applies', () => {
		expect(decide([allow({ Action: 's3:PutObject' })])).toBe('ImplicitDeny');
		expect(evaluatePolicies({ policies: [], request: request() }).effect).toBe('ImplicitDeny');
	});

	it('allows when a statement applies', () => {
		expect(decide([allow({})])).toBe('Allow');
	});

	it('lets an explicit Deny beat any Allow, whatever the order', () => {
		const deny: PolicyStatement = { Effect: 'Deny', Action: 's3:*', Resource: '*' };
		expect(decide([allow({}), deny])).toBe('ExplicitDeny');
		expect(decide([deny, allow({})])).toBe('ExplicitDeny');
	});

	it('reports every statement with its policy, index, Sid and why', () => {
		const decision = evaluatePolicies({
			policies: [
				{ name: 'a', document: doc(allow({ Sid: 'Read' }), allow({ Action: 's3:PutObject' })) }
			],
			request: request()
		});
		expect(decision.statements.map((s) => [s.policy, s.index, s.sid, s.matched])).toEqual([
			['a', 0, 'Read', true],
			['a', 1, undefined, false]
		]);
		expect(decision.statements[1]?.why).toBe('no Action matches the action');
	});

	it('accepts a single statement object as IAM does', () => {
		const single = { Version: '2012-10-17', Statement: allow({}) } as unknown as PolicyDocument;
		expect(
			evaluatePolicies({ policies: [{ name: 'p', document: single }], request: request() }).effect
		).toBe('Allow');
	});
});

describe('evaluatePolicies: Action and Resource', () => {
	it('matches actions case-insensitively with * and ? wildcards', () => {
		expect(decide([allow({ Action: 'S3:getobject' })])).toBe('Allow');
		expect(decide([allow({ Action: 's3:Get*' })])).toBe('Allow');
		expect(decide([allow({ Action: 's3:?etObject' })])).toBe('Allow');
		expect(decide([allow({ Action: '*' })])).toBe('Allow');
		expect(decide([allow({ Action: 's3:Put*' })])).toBe('ImplicitDeny');
	});

	it('matches NotAction as everything but the listed actions', () => {
		expect(decide([allow({ Action: undefined, NotAction: 's3:Put*' })])).toBe('Allow');
		expect(decide([allow({ Action: undefined, NotAction: ['s3:Get*'] })])).toBe('ImplicitDeny');
	});

	it('matches resources case-sensitively, * across slashes', () => {
		expect(decide([allow({ Resource: 'arn:aws:s3:::notes/*' })])).toBe('Allow');
		expect(decide([allow({ Resource: 'arn:aws:s3:::Notes/*' })])).toBe('ImplicitDeny');
		expect(decide([allow({ Resource: 'arn:aws:s3:::notes/private/us-east-1:????????-*' })])).toBe(
			'Allow'
		);
	});

	it('matches NotResource as every resource but the listed ones', () => {
		expect(decide([allow({ Resource: undefined, NotResource: 'arn:aws:s3:::other/*' })])).toBe(
			'Allow'
		);
		expect(decide([allow({ Resource: undefined, NotResource: 'arn:aws:s3:::notes/*' })])).toBe(
			'ImplicitDeny'
		);
	});

	it('never applies a statement with both or neither of Action and NotAction', () => {
		expect(decide([allow({ NotAction: 's3:PutObject' })])).toBe('ImplicitDeny');
		expect(decide([allow({ Action: undefined })])).toBe('ImplicitDeny');
	});
});

describe('evaluatePolicies: policy variables', () => {
	const own = allow({
		Resource: 'arn:aws:s3:::notes/private/${cognito-identity.amazonaws.com:sub}/*'
	});

	it('substitutes ${key} in Resource from the request context', () => {
		expect(decide([own])).toBe('Allow');
		expect(
			decide([own], { resource: 'arn:aws:s3:::notes/private/us-east-1:someone-else/todo.txt' })
		).toBe('ImplicitDeny');
	});

	it('treats a missing variable as a statement that does not apply', () => {
		const decision = evaluatePolicies({
			policies: [{ name: 'p', document: doc(own) }],
			request: request({ context: {} })
		});
		expect(decision.effect).toBe('ImplicitDeny');
		expect(decision.statements[0]?.why).toBe(
			'Resource variable ${cognito-identity.amazonaws.com:sub} has no value'
		);
	});

	it('does not substitute in a 2008-10-17 policy', () => {
		const old = { Version: '2008-10-17' as const, Statement: [own] };
		expect(
			evaluatePolicies({ policies: [{ name: 'p', document: old }], request: request() }).effect
		).toBe('ImplicitDeny');
		expect(
			evaluatePolicies({
				policies: [{ name: 'p', document: old }],
				request: request({
					resource: 'arn:aws:s3:::notes/private/${cognito-identity.amazonaws.com:sub}/x'
				})
			}).effect
		).toBe('Allow');
	});

	it('reads ${*}, ${?} and ${$} as literal characters', () => {
		const literal = allow({ Resource: 'arn:aws:s3:::notes/${*}${?}${$}' });
		expect(decide([literal], { resource: 'arn:aws:s3:::notes/*?$' })).toBe('Allow');
		expect(decide([literal], { resource: 'arn:aws:s3:::notes/ab$' })).toBe('ImplicitDeny');
	});

	it("uses ${key, 'default'} when the key is absent", () => {
		const withDefault = allow({ Resource: "arn:aws:s3:::notes/${aws:username, 'guest'}/*" });
		expect(decide([withDefault], { resource: 'arn:aws:s3:::notes/guest/a' })).toBe('Allow');
	});

	it('never lets a substituted value act as a wildcard', () => {
		expect(
			decide([own], {
				context: { 'cognito-identity.amazonaws.com:sub': '*' },
				resource: 'arn:aws:s3:::notes/private/someone/todo.txt'
			})
		).toBe('ImplicitDeny');
	});

	it('does not substitute in Action', () => {
		expect(decide([allow({ Action: '${a}' })], { context: { a: 's3:GetObject' } })).toBe(
			'ImplicitDeny'
		);
	});
});

describe('evaluatePolicies: conditions', () => {
	const when = (
		Condition: PolicyStatement['Condition'],
		context: AuthorizationRequest['context']
	) => decide([allow({ Condition })], { context });
	const amr = 'cognito-identity.amazonaws.com:amr';
	const aud = 'cognito-identity.amazonaws.com:aud';

	it('StringEquals compares exactly, with values as alternatives', () => {
		expect(when({ StringEquals: { [aud]: 'pool-1' } }, { [aud]: 'pool-1' })).toBe('Allow');
		expect(when({ StringEquals: { [aud]: ['pool-2', 'pool-1'] } }, { [aud]: 'pool-1' })).toBe(
			'Allow'
		);
		expect(when({ StringEquals: { [aud]: 'POOL-1' } }, { [aud]: 'pool-1' })).toBe('ImplicitDeny');
		expect(when({ StringEquals: { [aud]: 'pool-*' } }, { [aud]: 'pool-1' })).toBe('ImplicitDeny');
	});

	it('reads condition key names case-insensitively', () => {
		expect(
			when({ StringEquals: { 'Cognito-Identity.amazonaws.com:AUD': 'p' } }, { [aud]: 'p' })
		).toBe('Allow');
	});

	it('StringEqualsIgnoreCase and StringNotEqualsIgnoreCase ignore case', () => {
		expect(when({ StringEqualsIgnoreCase: { [aud]: 'POOL' } }, { [aud]: 'pool' })).toBe('Allow');
		expect(when({ StringNotEqualsIgnoreCase: { [aud]: 'POOL' } }, { [aud]: 'pool' })).toBe(
			'ImplicitDeny'
		);
	});

	it('StringNotEquals holds when the value matches none', () => {
		expect(when({ StringNotEquals: { [aud]: ['a', 'b'] } }, { [aud]: 'c' })).toBe('Allow');
		expect(when({ StringNotEquals: { [aud]: ['a', 'b'] } }, { [aud]: 'b' })).toBe('ImplicitDeny');
	});

	it('StringLike and StringNotLike use wildcards', () => {
		expect(when({ StringLike: { 's3:prefix': 'private/*' } }, { 's3:prefix': 'private/x/' })).toBe(
			'Allow'
		);
		expect(
			when({ StringNotLike: { 's3:prefix': 'private/*' } }, { 's3:prefix': 'private/x' })
		).toBe('ImplicitDeny');
	});

	it('substitutes variables in condition values', () => {
		const c = { StringLike: { 's3:prefix': 'private/${cognito-identity.amazonaws.com:sub}/*' } };
		expect(
			when(c, { 's3:prefix': `private/${sub}/`, 'cognito-identity.amazonaws.com:sub': sub })
		).toBe('Allow');
		expect(when(c, { 's3:prefix': `private/${sub}/` })).toBe('ImplicitDeny');
	});

	it('requires every operator and every key to hold', () => {
		const c = {
			StringEquals: { [aud]: 'p' },
			'ForAnyValue:StringLike': { [amr]: 'authenticated' }
		};
		expect(when(c, { [aud]: 'p', [amr]: ['authenticated', 'cognito-idp'] })).toBe('Allow');
		expect(when(c, { [aud]: 'p', [amr]: ['unauthenticated'] })).toBe('ImplicitDeny');
		expect(when(c, { [aud]: 'q', [amr]: ['authenticated'] })).toBe('ImplicitDeny');
	});

	it('a positive operator fails and a negated one holds when the key is absent', () => {
		expect(when({ StringEquals: { [aud]: 'p' } }, {})).toBe('ImplicitDeny');
		expect(when({ StringNotEquals: { [aud]: 'p' } }, {})).toBe('Allow');
		expect(when({ StringNotLike: { [aud]: 'p*' } }, {})).toBe('Allow');
	});

	it('...IfExists holds when the key is absent and compares when present', () => {
		expect(when({ StringEqualsIfExists: { [aud]: 'p' } }, {})).toBe('Allow');
		expect(when({ StringEqualsIfExists: { [aud]: 'p' } }, { [aud]: 'q' })).toBe('ImplicitDeny');
		expect(when({ StringEqualsIfExists: { [aud]: 'p' } }, { [aud]: 'p' })).toBe('Allow');
	});

	it('ForAnyValue holds if any request value matches; fails on an absent key', () => {
		expect(
			when(
				{ 'ForAnyValue:StringEquals': { [amr]: 'authenticated' } },
				{ [amr]: ['x', 'authenticated'] }
			)
		).toBe('Allow');
		expect(when({ 'ForAnyValue:StringEquals': { [amr]: 'authenticated' } }, { [amr]: ['x'] })).toBe(
			'ImplicitDeny'
		);
		expect(when({ 'ForAnyValue:StringEquals': { [amr]: 'authenticated' } }, {})).toBe(
			'ImplicitDeny'
		);
		expect(when({ 'ForAnyValue:StringNotEquals': { [amr]: 'a' } }, { [amr]: ['a', 'b'] })).toBe(
			'Allow'
		);
	});

	it('ForAllValues holds if every request value matches; holds on an absent key', () => {
		const c = { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['a', 'b'] } };
		expect(when(c, { 'dynamodb:LeadingKeys': ['a', 'b'] })).toBe('Allow');
		expect(when(c, { 'dynamodb:LeadingKeys': ['a', 'c'] })).toBe('ImplicitDeny');
		expect(when(c, {})).toBe('Allow');
		expect(when({ 'ForAllValues:StringNotEquals': { k: 'a' } }, { k: ['b', 'c'] })).toBe('Allow');
		expect(when({ 'ForAllValues:StringNotEquals': { k: 'a' } }, { k: ['a', 'c'] })).toBe(
			'ImplicitDeny'
		);
	});

	it('Bool compares true and false as text, booleans included', () => {
		expect(
			when({ Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'true' })
		).toBe('Allow');
		expect(when({ Bool: { 'aws:SecureTransport': true } }, { 'aws:SecureTransport': 'true' })).toBe(
			'Allow'
		);
		expect(
			when({ Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'false' })
		).toBe('ImplicitDeny');
	});

	it('Null tests whether the key is absent', () => {
		expect(when({ Null: { [aud]: 'true' } }, {})).toBe('Allow');
		expect(when({ Null: { [aud]: 'true' } }, { [aud]: 'p' })).toBe('ImplicitDeny');
		expect(when({ Null: { [aud]: 'false' } }, { [aud]: 'p' })).toBe('Allow');
	});

	it('never applies a statement with an unknown operator', () => {
		const decision = evaluatePolicies({
			policies: [{ name: 'p', document: doc(allow({ Condition: { StringSortOf: { k: 'v' } } })) }],
			request: request({ context: { k: 'v' } })
		});
		expect(decision.effect).toBe('ImplicitDeny');
		expect(decision.statements[0]?.why).toBe('StringSortOf k: operator not supported');
	});

	it('a Deny with a condition applies only when the condition holds', () => {
		const deny: PolicyStatement = {
			Effect: 'Deny',
			Action: '*',
			Resource: '*',
			Condition: { StringNotEquals: { [aud]: 'p' } }
		};
		expect(decide([allow({}), deny], { context: { [aud]: 'p' } })).toBe('Allow');
		expect(decide([allow({}), deny], { context: { [aud]: 'q' } })).toBe('ExplicitDeny');
	});
});

describe('evaluatePolicies: session policies', () => {
	const role = [{ name: 'role', document: doc(allow({ Action: 's3:*' })) }];

	it('allows only what both the identity policies and a session policy allow', () => {
		const session = [{ name: 'session', document: doc(allow({ Action: 's3:GetObject' })) }];
		expect(
			evaluatePolicies({ policies: role, sessionPolicies: session, request: request() }).effect
		).toBe('Allow');
		expect(
			evaluatePolicies({
				policies: role,
				sessionPolicies: session,
				request: request({ action: 's3:PutObject' })
			}).effect
		).toBe('ImplicitDeny');
	});

	it('never widens what the identity policies allow', () => {
		const session = [{ name: 'session', document: doc(allow({ Action: '*' })) }];
		expect(
			evaluatePolicies({
				policies: role,
				sessionPolicies: session,
				request: request({ action: 'dynamodb:GetItem' })
			}).effect
		).toBe('ImplicitDeny');
	});

	it('lets a Deny in a session policy win', () => {
		const session = [
			{
				name: 'session',
				document: doc(allow({ Action: '*' }), {
					Effect: 'Deny',
					Action: 's3:GetObject',
					Resource: '*'
				})
			}
		];
		expect(
			evaluatePolicies({ policies: role, sessionPolicies: session, request: request() }).effect
		).toBe('ExplicitDeny');
	});
});
