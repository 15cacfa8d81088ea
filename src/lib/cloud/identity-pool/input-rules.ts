import type { MemberRule } from '../wire';

/** The model's `IdentityPoolId` and `IdentityId` pattern (`[\w-]+:[0-9a-f-]+`, cognito.md §1). */
const idPattern = { source: '[\\w-]+:[0-9a-f-]+', regex: /^[\w-]+:[0-9a-f-]+$/ };

/** Input members several operations share, as the `cognito-identity` model constrains them. */
export const member = {
	identityPoolId: { type: 'string', required: true, pattern: idPattern },
	identityId: { type: 'string', required: true, pattern: idPattern },
	optionalIdentityId: { type: 'string', pattern: idPattern, label: 'identityId' },
	accountId: { type: 'string', pattern: { source: '\\d+', regex: /^\d+$/ } },
	logins: { type: 'string-map', sensitive: true },
	roleArn: { type: 'string' },
	tags: { type: 'string-map' }
} as const satisfies Record<string, MemberRule>;
