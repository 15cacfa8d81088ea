import { describe, expect, it } from 'vitest';
import { AwsServiceError } from './aws-service-error';
import { awsQueryErrorResponse, awsQueryResponse } from './aws-query-response';
import { bodyText, header, utf8Bytes, type WireRequest } from './http-message';
import { awsQueryAction, parseAwsQueryRequest, queryListMember } from './parse-aws-query-request';
import { parseXml } from './parse-xml';
import { escapeXml } from './write-xml';

const ns = 'https://sts.amazonaws.com/doc/2011-06-15/';
const form = (body: string, url = 'https://sts.amazonaws.com/'): WireRequest => ({
	method: 'POST',
	url,
	headers: [['content-type', 'application/x-www-form-urlencoded; charset=utf-8']],
	body: utf8Bytes(body)
});
const options = { operations: new Set(['AssumeRoleWithWebIdentity']), version: '2011-06-15' };
const parseError = (request: WireRequest) => {
	try {
		parseAwsQueryRequest(request, options);
	} catch (error) {
		return error as AwsServiceError;
	}
	throw new Error('parsed');
};

describe('parseAwsQueryRequest', () => {
	it('reads Action, Version and the other parameters from a form body', () => {
		const parsed = parseAwsQueryRequest(
			form(
				'RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr&RoleSessionName=a+b&Action=AssumeRoleWithWebIdentity&Version=2011-06-15'
			),
			options
		);
		expect(parsed.action).toBe('AssumeRoleWithWebIdentity');
		expect(parsed.version).toBe('2011-06-15');
		expect([...parsed.params]).toEqual([
			['RoleArn', 'arn:aws:iam::1:role/r'],
			['RoleSessionName', 'a b']
		]);
	});

	it('reads the query string of a GET', () => {
		const request: WireRequest = {
			method: 'GET',
			url: 'https://sts.amazonaws.com/?Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleSessionName=s',
			headers: [],
			body: new Uint8Array()
		};
		expect(parseAwsQueryRequest(request, options).params.get('RoleSessionName')).toBe('s');
		expect(awsQueryAction(request)).toBe('AssumeRoleWithWebIdentity');
	});

	it('answers InvalidAction for an unknown action or version, MissingAction without one', () => {
		expect(parseError(form('Action=GetCallerIdentity&Version=2011-06-15'))).toMatchObject({
			type: 'InvalidAction',
			status: 400,
			message: 'Could not find operation GetCallerIdentity for version 2011-06-15'
		});
		expect(parseError(form('Action=AssumeRoleWithWebIdentity&Version=2010-01-01')).message).toBe(
			'Could not find operation AssumeRoleWithWebIdentity for version 2010-01-01'
		);
		expect(parseError(form('RoleArn=x')).type).toBe('MissingAction');
	});

	it('refuses a body over the cap with 413 before reading it', () => {
		const huge = form(`Action=AssumeRoleWithWebIdentity&Policy=${'x'.repeat(256 * 1024)}`);
		expect(parseError(huge)).toMatchObject({ type: 'SerializationException', status: 413 });
		expect(awsQueryAction(huge)).toBeUndefined();
	});

	it('flattens list members in index order', () => {
		const params = new Map([
			['PolicyArns.member.2.arn', 'b'],
			['PolicyArns.member.1.arn', 'a'],
			['PolicyArns.member.x.arn', 'ignored'],
			['Other', 'o']
		]);
		expect(queryListMember(params, 'PolicyArns')).toEqual([{ arn: 'a' }, { arn: 'b' }]);
	});
});

describe('Query XML responses', () => {
	it('writes the success shape with Result and ResponseMetadata', () => {
		const response = awsQueryResponse(
			'AssumeRoleWithWebIdentity',
			{
				Provider: 'https://cognito-identity.amazonaws.com',
				AssumedRoleUser: { Arn: 'a' },
				Skip: undefined
			},
			'req-1',
			ns
		);
		expect(response.status).toBe(200);
		expect(header(response, 'content-type')).toBe('text/xml');
		expect(bodyText(response)).toBe(
			[
				`<AssumeRoleWithWebIdentityResponse xmlns="${ns}">`,
				'  <AssumeRoleWithWebIdentityResult>',
				'    <Provider>https://cognito-identity.amazonaws.com</Provider>',
				'    <AssumedRoleUser>',
				'      <Arn>a</Arn>',
				'    </AssumedRoleUser>',
				'  </AssumeRoleWithWebIdentityResult>',
				'  <ResponseMetadata>',
				'    <RequestId>req-1</RequestId>',
				'  </ResponseMetadata>',
				'</AssumeRoleWithWebIdentityResponse>',
				''
			].join('\n')
		);
	});

	it('writes the error shape of cognito.md §8.3', () => {
		const response = awsQueryErrorResponse(
			new AwsServiceError(
				'AccessDenied',
				'Not authorized to perform sts:AssumeRoleWithWebIdentity',
				403
			),
			'req-2',
			ns
		);
		expect(response.status).toBe(403);
		expect(header(response, 'x-amzn-requestid')).toBe('req-2');
		expect(bodyText(response)).toBe(
			[
				`<ErrorResponse xmlns="${ns}">`,
				'  <Error>',
				'    <Type>Sender</Type>',
				'    <Code>AccessDenied</Code>',
				'    <Message>Not authorized to perform sts:AssumeRoleWithWebIdentity</Message>',
				'  </Error>',
				'  <RequestId>req-2</RequestId>',
				'</ErrorResponse>',
				''
			].join('\n')
		);
	});

	it('escapes markup so any message round-trips through an XML parser', () => {
		const nasty = `<a href="x">&amp;'</a>\u0000]]>`;
		expect(escapeXml(nasty)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;amp;&apos;&lt;/a&gt;]]&gt;');
		const response = awsQueryErrorResponse(new AwsServiceError('ValidationError', nasty), 'r', ns);
		const parsed = parseXml(bodyText(response));
		expect(parsed).toEqual({
			ErrorResponse: {
				Error: { Type: 'Sender', Code: 'ValidationError', Message: nasty.replace('\u0000', '') },
				RequestId: 'r'
			}
		});
	});
});
