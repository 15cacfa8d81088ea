import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error';

const response = (status: number, body: string, headers: [string, string][] = []) => ({
	status,
	statusText: status === 400 ? 'Bad Request' : status === 401 ? 'Unauthorized' : 'OK',
	headers,
	body
});

describe('describeError', () => {
	it('is null for a success', () => {
		expect(describeError(response(200, '{}'))).toBeNull();
	});

	it('reads an AWS JSON error, with or without a namespaced __type', () => {
		const body = '{"__type":"NotAuthorizedException","message":"Incorrect username or password."}';
		expect(describeError(response(400, body))).toEqual({
			type: 'NotAuthorizedException',
			message: 'Incorrect username or password.'
		});
		const namespaced =
			'{"__type":"com.amazonaws.cognito#UserNotFoundException","Message":"User does not exist."}';
		expect(describeError(response(400, namespaced))?.type).toBe('UserNotFoundException');
	});

	it('falls back to the x-amzn-errortype header', () => {
		const headers: [string, string][] = [
			[
				'x-amzn-errortype',
				'NotAuthorizedException:http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/'
			]
		];
		expect(describeError(response(400, 'not json', headers))).toEqual({
			type: 'NotAuthorizedException',
			message: ''
		});
	});

	it('reads OAuth, query-XML and API Gateway errors', () => {
		expect(describeError(response(400, '{"error":"invalid_grant"}'))).toEqual({
			type: 'invalid_grant',
			message: ''
		});
		const xml =
			'<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredTokenException</Code><Message>Token expired</Message></Error></ErrorResponse>';
		expect(describeError(response(400, xml))).toEqual({
			type: 'ExpiredTokenException',
			message: 'Token expired'
		});
		expect(describeError(response(401, '{"message":"Unauthorized"}'))).toEqual({
			type: 'HTTP 401 Unauthorized',
			message: 'Unauthorized'
		});
	});
});
