import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePolicies } from './evaluate-policies';
import { evaluateTrustPolicy } from './evaluate-trust-policy';
import { explainDecision } from './explain-decision';
import type { IamRoleScenario, PolicyDocument } from '../scenario/types';

// Strings that exercise the parsers: wildcards, variables, escapes, condition prefixes.
const piece = fc.constantFrom(
	'*',
	'?',
	'${',
	'}',
	'${*}',
	'${$}',
	"'",
	',',
	':',
	'/',
	's3',
	'a',
	'IfExists',
	'ForAnyValue:',
	'ForAllValues:'
);
const text = fc.oneof(
	fc.string({ maxLength: 12 }),
	fc.array(piece, { maxLength: 8 }).map((p) => p.join(''))
);
const operator = fc.oneof(
	text,
	fc.constantFrom(
		'StringEquals',
		'StringLike',
		'ForAnyValue:StringLike',
		'ForAllValues:StringNotEquals',
		'StringEqualsIfExists',
		'Bool',
		'Null',
		'ArnLike'
	)
);
const json: fc.Arbitrary<unknown> = fc.oneof(
	fc.jsonValue({ maxDepth: 3 }),
	text,
	fc.array(text, { maxLength: 3 })
);
const condition = fc.oneof(
	json,
	fc.dictionary(operator, fc.oneof(json, fc.dictionary(text, json, { maxKeys: 3 })), { maxKeys: 3 })
);
const statement = fc.oneof(
	json,
	fc.record(
		{
			Sid: json,
			Effect: fc.oneof(fc.constantFrom('Allow', 'Deny'), json),
			Principal: fc.oneof(
				fc.constant('*'),
				fc.record({ Federated: fc.oneof(text, json), AWS: json }, { requiredKeys: [] }),
				json
			),
			Action: fc.oneof(text, fc.array(text, { maxLength: 3 }), json),
			NotAction: json,
			Resource: fc.oneof(text, fc.array(text, { maxLength: 3 }), json),
			NotResource: json,
			Condition: condition
		},
		{ requiredKeys: [] }
	)
);
const document = fc.oneof(
	json,
	fc.record({
		Version: fc.oneof(fc.constantFrom('2012-10-17', '2008-10-17'), json),
		Statement: fc.oneof(statement, fc.array(statement, { maxLength: 4 }))
	})
);
const context = fc.dictionary(text, fc.oneof(text, fc.array(text, { maxLength: 3 })), {
	maxKeys: 4
});

describe('IAM evaluation on arbitrary input', () => {
	it('never throws and always answers one of the three effects', () => {
		fc.assert(
			fc.property(
				document,
				fc.option(document),
				text,
				text,
				context,
				(doc, session, action, resource, ctx) => {
					const policies = [{ name: 'p', document: doc as PolicyDocument }];
					const decision = evaluatePolicies({
						policies,
						...(session === null
							? {}
							: { sessionPolicies: [{ name: 's', document: session as PolicyDocument }] }),
						request: { action, resource, context: ctx }
					});
					expect(['Allow', 'ExplicitDeny', 'ImplicitDeny']).toContain(decision.effect);
					explainDecision('p', decision);
					const role = {
						name: 'r',
						arn: 'arn:aws:iam::1:role/r',
						assumeRolePolicyDocument: doc
					} as IamRoleScenario;
					const trust = evaluateTrustPolicy(role, {
						action,
						principal: { Federated: resource },
						context: ctx
					});
					expect(['Allow', 'ExplicitDeny', 'ImplicitDeny']).toContain(trust.effect);
				}
			),
			{ numRuns: 500 }
		);
	});
});
