import { describe, expect, it } from 'vitest';
import { createCloud } from '../create-cloud';
import { AwsJsonCallError, callAwsJson } from './call-aws-json';
import { header } from './http-message';

const host = 'cognito-identity.us-east-1.amazonaws.com';
const IdentityPoolId = 'us-east-1:7c1d5b2e-4f3a-4e8b-9a6d-0f1e2d3c4b5a';

describe('callAwsJson', () => {
	it('sends POST / with the AWS JSON content type and target, and resolves with the body', async () => {
		const cloud = createCloud(undefined, { clock: { fixed: Date.UTC(2026, 11, 2) } });
		const output = await callAwsJson<{ IdentityId: string }>(cloud.fetch, {
			host,
			targetPrefix: 'AWSCognitoIdentityService',
			operation: 'GetId',
			body: { IdentityPoolId },
			headers: { 'X-Amz-User-Agent': 'flow-lab' }
		});
		expect(output.IdentityId).toMatch(/^us-east-1:/);
		const [exchange] = cloud.log.entries;
		expect(exchange?.request).toMatchObject({ method: 'POST', url: `https://${host}/` });
		expect(exchange?.request.headers).toEqual([
			['content-type', 'application/x-amz-json-1.1'],
			['x-amz-target', 'AWSCognitoIdentityService.GetId'],
			['x-amz-user-agent', 'flow-lab']
		]);
	});

	it('rejects with AwsJsonCallError carrying the AWS type, message and status', async () => {
		const cloud = createCloud(undefined, { clock: { fixed: Date.UTC(2026, 11, 2) } });
		const error = await callAwsJson(cloud.fetch, {
			host,
			targetPrefix: 'AWSCognitoIdentityService',
			operation: 'GetId',
			body: { IdentityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000' }
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(AwsJsonCallError);
		expect(error).toMatchObject({
			type: 'ResourceNotFoundException',
			serviceMessage: "IdentityPool 'us-east-1:00000000-0000-4000-8000-000000000000' not found.",
			status: 400
		});
	});

	it('lets `sign` finish the request before it is sent', async () => {
		const cloud = createCloud(undefined, { clock: { fixed: Date.UTC(2026, 11, 2) } });
		await callAwsJson(cloud.fetch, {
			host,
			targetPrefix: 'AWSCognitoIdentityService',
			operation: 'GetId',
			body: { IdentityPoolId },
			sign: async (request) => ({
				...request,
				headers: [...request.headers, ['authorization', 'signed']]
			})
		});
		expect(header(cloud.log.entries[0]!.request, 'authorization')).toBe('signed');
	});
});
