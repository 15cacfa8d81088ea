import { describe, expect, it } from 'vitest';
import { createAccount } from '../account';
import { createRandom } from '../random';
import { defaultScenario } from '../scenario';
import { authorizeCaller } from './authorize-caller';

const sub = 'us-east-1:0f2b6c1e-1111-2222-3333-444455556666';
const account = createAccount(defaultScenario, createRandom());
const owner = (accessKeyId: string) => {
	const found = account.accessKeyOwner(accessKeyId);
	if (!found) throw new Error(`no owner for ${accessKeyId}`);
	return found;
};
const signedIn = account.issueCredentials({
	roleArn: 'arn:aws:iam::111122223333:role/FlowLabAuthenticated',
	roleSessionName: 'CognitoIdentityCredentials',
	expiration: 0,
	context: { 'cognito-identity.amazonaws.com:sub': sub }
});
const object = (key: string) => `arn:aws:s3:::flow-lab-notes/${key}`;

describe('authorizeCaller', () => {
	it("evaluates an assumed role's policies with the context fixed at assume time", () => {
		const own = { action: 's3:GetObject', resource: object(`private/${sub}/a.txt`), context: {} };
		expect(authorizeCaller(owner(signedIn.accessKeyId), own).effect).toBe('Allow');
		const other = { ...own, resource: object('private/us-east-1:someone-else/a.txt') };
		expect(authorizeCaller(owner(signedIn.accessKeyId), other).effect).toBe('ImplicitDeny');
	});

	it('never lets the request context override the identity the credentials carry', () => {
		const forged = {
			action: 's3:GetObject',
			resource: object('private/us-east-1:victim/a.txt'),
			context: { 'cognito-identity.amazonaws.com:sub': 'us-east-1:victim' }
		};
		expect(authorizeCaller(owner(signedIn.accessKeyId), forged).effect).toBe('ImplicitDeny');
	});

	it("narrows the role with the credentials' session policy", () => {
		const scoped = account.issueCredentials({
			roleArn: 'arn:aws:iam::111122223333:role/FlowLabAuthenticated',
			roleSessionName: 'scoped',
			expiration: 0,
			context: { 'cognito-identity.amazonaws.com:sub': sub },
			sessionPolicy: {
				Version: '2012-10-17',
				Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }]
			}
		});
		const read = { action: 's3:GetObject', resource: object('public/a.txt'), context: {} };
		const decision = authorizeCaller(owner(scoped.accessKeyId), read);
		expect(decision.effect).toBe('ImplicitDeny');
		expect(decision.statements.map((s) => s.source)).toContain('session');
		const write = { action: 's3:PutObject', resource: object(`private/${sub}/a.txt`), context: {} };
		expect(authorizeCaller(owner(scoped.accessKeyId), write).effect).toBe('Allow');
	});

	it("evaluates an IAM user's own policies", () => {
		const user = owner('AKIAFLOWLABBACKEND01');
		const pool = `arn:aws:cognito-identity:us-east-1:111122223333:identitypool/us-east-1:7c1d5b2e-4f3a-4e8b-9a6d-0f1e2d3c4b5a`;
		const lookup = {
			action: 'cognito-identity:LookupDeveloperIdentity',
			resource: pool,
			context: {}
		};
		expect(authorizeCaller(user, lookup).effect).toBe('Allow');
		expect(authorizeCaller(user, { ...lookup, action: 's3:GetObject' }).effect).toBe(
			'ImplicitDeny'
		);
	});
});
