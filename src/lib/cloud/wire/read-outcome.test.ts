import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Bytes } from './http-message';
import { outcomeText, readOutcome } from './read-outcome';

const json = (status: number, body: unknown, headers: [string, string][] = []) =>
	readOutcome({ status, headers, body: JSON.stringify(body) });
const xml = (status: number, body: string) => readOutcome({ status, headers: [], body });

describe('readOutcome', () => {
	it('reads AWS JSON 1.1 errors: __type (any namespace) and message or Message', () => {
		expect(
			json(400, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' })
		).toEqual({
			ok: false,
			status: 400,
			code: 'NotAuthorizedException',
			message: 'Incorrect username or password.'
		});
		expect(
			json(400, { __type: 'com.amazonaws.cognito.identity#NotAuthorizedException', Message: 'x' })
		).toMatchObject({ code: 'NotAuthorizedException', message: 'x' });
	});

	it('reads the x-amzn-errortype header when the body names no type', () => {
		const headers: [string, string][] = [
			['x-amzn-errortype', 'ResourceNotFoundException:http://internal.amazon.com/coral/']
		];
		expect(json(400, { message: 'Identity pool not found' }, headers)).toEqual({
			ok: false,
			status: 400,
			code: 'ResourceNotFoundException',
			message: 'Identity pool not found'
		});
	});

	it('reads the AWS Query XML error of STS', () => {
		const body = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error>
    <Type>Sender</Type>
    <Code>AccessDenied</Code>
    <Message>Not authorized to perform sts:AssumeRoleWithWebIdentity</Message>
  </Error>
  <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
</ErrorResponse>`;
		expect(xml(403, body)).toEqual({
			ok: false,
			status: 403,
			code: 'AccessDenied',
			message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity'
		});
	});

	it('reads S3 XML errors, with entities, CDATA, prefixes and comments', () => {
		const body = `<?xml version="1.0" encoding="UTF-8"?>
<!-- <Error><Code>NotThis</Code></Error> -->
<s3:Error xmlns:s3="http://s3.amazonaws.com/doc/2006-03-01/"><s3:Code>NoSuchKey</s3:Code><s3:Message><![CDATA[The key <a&b>]]> does &quot;not&quot; exist &#x2014; &#233;</s3:Message><s3:Key>x</s3:Key></s3:Error>`;
		expect(xml(404, body)).toEqual({
			ok: false,
			status: 404,
			code: 'NoSuchKey',
			message: 'The key <a&b> does "not" exist — é'
		});
		expect(xml(403, '<Error><Code>AccessDenied</Code><Message/></Error>')).toEqual({
			ok: false,
			status: 403,
			code: 'AccessDenied',
			message: null
		});
	});

	it('reads OAuth errors, in a JSON body or in a redirect', () => {
		expect(
			json(400, { error: 'invalid_grant', error_description: 'Refresh Token has expired' })
		).toEqual({
			ok: false,
			status: 400,
			code: 'invalid_grant',
			message: 'Refresh Token has expired'
		});
		const location = 'https://app.example.com/callback?error=access_denied&error_description=no#x';
		expect(readOutcome({ status: 302, headers: [['location', location]], body: '' })).toEqual({
			ok: false,
			status: 302,
			code: 'access_denied',
			message: 'no'
		});
		const fine = 'https://app.example.com/callback?code=abc&state=xyz';
		expect(readOutcome({ status: 302, headers: [['location', fine]], body: '' }).ok).toBe(true);
	});

	it('reads the error of a WWW-Authenticate challenge, with or without the Bearer scheme', () => {
		const description =
			'Access token is expired, disabled, or deleted, or the user has globally signed out.';
		for (const value of [
			`error="invalid_token", error_description="${description}"`,
			`Bearer realm="x", error="invalid_token", error_description="${description}"`
		])
			expect(
				readOutcome({ status: 401, headers: [['WWW-Authenticate', value]], body: '' })
			).toEqual({
				ok: false,
				status: 401,
				code: 'invalid_token',
				message: description
			});
		expect(
			readOutcome({ status: 401, headers: [['www-authenticate', 'Bearer realm="x"']], body: '' })
		).toEqual({ ok: false, status: 401, code: null, message: null });
	});

	it("reads an HTML error page's problem: its code when it starts with one, else a message", () => {
		const page = (problem: string) => ({
			status: 400,
			headers: [['content-type', 'text/html;charset=UTF-8']] as [string, string][],
			body: `<!doctype html><html><body><main><h1>An error was encountered</h1><p class="error">${problem}</p></main></body></html>`
		});
		expect(
			readOutcome(page('redirect_mismatch: the redirect_uri is not &quot;listed&quot;.'))
		).toEqual({
			ok: false,
			status: 400,
			code: 'redirect_mismatch',
			message: 'the redirect_uri is not "listed".'
		});
		expect(readOutcome(page('Invalid client_id.'))).toEqual({
			ok: false,
			status: 400,
			code: null,
			message: 'Invalid client_id.'
		});
	});

	it("reads API Gateway's bare message", () => {
		expect(json(401, { message: 'Unauthorized' })).toEqual({
			ok: false,
			status: 401,
			code: null,
			message: 'Unauthorized'
		});
		expect(json(403, { Message: 'User is not authorized' })).toMatchObject({
			code: null,
			message: 'User is not authorized'
		});
	});

	it('reads a success, naming the user pool challenge it asks for', () => {
		expect(json(200, { ChallengeName: 'PASSWORD_VERIFIER', Session: 's' })).toEqual({
			ok: true,
			status: 200,
			code: 'PASSWORD_VERIFIER',
			message: null
		});
		expect(
			readOutcome({ status: 200, headers: [], body: utf8Bytes('{"Username":"alice"}') })
		).toEqual({ ok: true, status: 200, code: null, message: null });
		expect(xml(200, '<ListBucketResult><Name>b</Name></ListBucketResult>').ok).toBe(true);
	});

	it('calls an error with a body it cannot read just an error', () => {
		expect(xml(500, 'oops')).toEqual({ ok: false, status: 500, code: null, message: null });
		expect(xml(400, '<Error><Code>Unclosed')).toMatchObject({ code: 'Unclosed' });
		expect(readOutcome({ status: 404, headers: [], body: new Uint8Array([0xff, 0xfe]) }).ok).toBe(
			false
		);
	});

	it('never throws, whatever the bytes, and always answers the same shape', () => {
		const bodies = fc.oneof(
			fc.uint8Array({ maxLength: 256 }),
			fc.string({ maxLength: 256 }),
			fc.json(),
			fc
				.array(
					fc.constantFrom(
						'<Error>',
						'</Error>',
						'<Code>',
						'</Code>',
						'<x:Code a="1">',
						'<Message/>',
						'<![CDATA[',
						']]>',
						'<!--',
						'-->',
						'&amp;',
						'&#0;',
						'&#xD800;',
						'&#99999999;',
						'<?xml?>',
						'{"__type":',
						'"#:"}',
						'<',
						'>'
					),
					{ maxLength: 30 }
				)
				.map((parts) => parts.join(''))
		);
		const headers = fc.array(
			fc.tuple(fc.constantFrom('x-amzn-errortype', 'location', 'content-type'), fc.string()),
			{ maxLength: 3 }
		);
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 999 }), headers, bodies, (status, h, body) => {
				const outcome = readOutcome({ status, headers: h, body });
				expect(Object.keys(outcome).sort()).toEqual(['code', 'message', 'ok', 'status']);
				expect(outcome.ok).toBe(outcome.ok && status >= 100 && status < 400);
			}),
			{ numRuns: 400 }
		);
	});

	it('reads a huge hostile body in linear time', () => {
		const body = '<Error>'.repeat(100_000) + '<Code>'.repeat(100_000);
		const started = performance.now();
		expect(xml(400, body).ok).toBe(false);
		expect(performance.now() - started).toBeLessThan(2000);
	});
});

describe('outcomeText', () => {
	it('says an error in one line, as the SDKs print it', () => {
		const base = { ok: false, status: 400 };
		expect(outcomeText({ ...base, code: 'AccessDenied', message: 'Access Denied' })).toBe(
			'AccessDenied: Access Denied'
		);
		expect(outcomeText({ ...base, code: 'NoSuchKey', message: null })).toBe('NoSuchKey');
		expect(outcomeText({ ...base, code: null, message: 'Unauthorized' })).toBe('Unauthorized');
		expect(outcomeText({ ...base, code: null, message: null })).toBeNull();
		expect(outcomeText({ ok: true, status: 200, code: 'SMS_MFA', message: null })).toBeNull();
	});
});
