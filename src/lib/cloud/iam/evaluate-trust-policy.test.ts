import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../scenario';
import type { IamRoleScenario } from '../scenario/types';
import { evaluateTrustPolicy } from './evaluate-trust-policy';

const [authenticated, guest] = defaultScenario.iam.roles as [IamRoleScenario, IamRoleScenario];
const poolId = 'us-east-1:7c1d5b2e-4f3a-4e8b-9a6d-0f1e2d3c4b5a';
const ask = (over: { amr?: string[]; aud?: string; federated?: string; action?: string } = {}) => ({
	action: over.action ?? 'sts:AssumeRoleWithWebIdentity',
	principal: { Federated: over.federated ?? 'cognito-identity.amazonaws.com' },
	context: {
		'cognito-identity.amazonaws.com:aud': over.aud ?? poolId,
		'cognito-identity.amazonaws.com:amr': over.amr ?? ['authenticated', 'cognito-idp']
	}
});

describe('evaluateTrustPolicy', () => {
	it('lets an authenticated identity of the pool assume the authenticated role', () => {
		const decision = evaluateTrustPolicy(authenticated, ask());
		expect(decision.effect).toBe('Allow');
		expect(decision.statements[0]?.policy).toBe('FlowLabAuthenticated trust policy');
	});

	it('refuses a guest token for the authenticated role (amr condition)', () => {
		expect(evaluateTrustPolicy(authenticated, ask({ amr: ['unauthenticated'] })).effect).toBe(
			'ImplicitDeny'
		);
		expect(evaluateTrustPolicy(guest, ask({ amr: ['unauthenticated'] })).effect).toBe('Allow');
	});

	it("refuses another pool's token (aud condition)", () => {
		expect(evaluateTrustPolicy(authenticated, ask({ aud: 'us-east-1:other' })).effect).toBe(
			'ImplicitDeny'
		);
	});

	it('refuses a principal or an action the policy does not name', () => {
		const otherIdp = evaluateTrustPolicy(authenticated, ask({ federated: 'accounts.google.com' }));
		expect(otherIdp.effect).toBe('ImplicitDeny');
		expect(otherIdp.statements[0]?.why).toBe(
			'Principal does not name Federated accounts.google.com'
		);
		expect(evaluateTrustPolicy(authenticated, ask({ action: 'sts:AssumeRole' })).effect).toBe(
			'ImplicitDeny'
		);
	});

	it('matches Principal "*" and an AWS principal', () => {
		const role: IamRoleScenario = {
			...authenticated,
			assumeRolePolicyDocument: {
				Version: '2012-10-17',
				Statement: [
					{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRoleWithWebIdentity' },
					{
						Effect: 'Allow',
						Principal: { AWS: 'arn:aws:iam::111122223333:root' },
						Action: 'sts:AssumeRole'
					}
				]
			}
		};
		expect(evaluateTrustPolicy(role, ask({ federated: 'x' })).effect).toBe('Allow');
		expect(
			evaluateTrustPolicy(role, {
				action: 'sts:AssumeRole',
				principal: { AWS: 'arn:aws:iam::111122223333:root' },
				context: {}
			}).effect
		).toBe('Allow');
	});

	it('never applies a trust statement without a Principal', () => {
		const role: IamRoleScenario = {
			...authenticated,
			assumeRolePolicyDocument: {
				Version: '2012-10-17',
				Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRoleWithWebIdentity' }]
			}
		};
		expect(evaluateTrustPolicy(role, ask()).effect).toBe('ImplicitDeny');
	});
});
