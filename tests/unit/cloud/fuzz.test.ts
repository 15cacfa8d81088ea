import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCloud, type Cloud } from '$lib/cloud';
import {
	computeSecretHash,
	formatSrpTimestamp,
	srpClientSignature,
	srpClientStart,
	SRP_N,
	totpCode
} from '$lib/crypto';
import { testKeys } from '../../support/test-keys';
import {
	legacyClientId,
	serverClientId,
	serverClientSecret,
	testScenario,
	webClientId
} from '../../support/test-scenario';

/**
 * Throws thousands of random requests at `cloud.fetch` and checks that every one gets an answer
 * AWS could have sent: the promise resolves, the status is 200–599 and never 500 (a 500 means a
 * service threw: a simulator bug), and every 4xx of the JSON API is `{"__type": ...}` with the
 * same type in `x-amzn-ErrorType`.
 *
 * The requests are not just noise. Each run is a short session against one fresh cloud, and the
 * bodies are shaped like real inputs: real client ids, usernames and passwords, a valid `SRP_A`,
 * the `Session` and `SECRET_BLOCK` of the previous answer, a correct `SECRET_HASH`, a real SRP
 * signature, the current TOTP code, real tokens. Any of them may be truncated, flipped, dropped
 * or replaced by a value of the wrong type, so the services are pushed past validation into
 * every step of sign-in. Bodies also come as random text, invalid UTF-8, JSON nested 100 000
 * deep and a 2 MB string.
 *
 * Reproduce or widen a run: FUZZ_SEED=<n> FUZZ_RUNS=<n> npx vitest run tests/unit/cloud/fuzz.test.ts
 */

const seed = Number(process.env.FUZZ_SEED ?? 20261122);
/** 600 runs send about 3 600 requests: 8 s on a quiet 2-core machine. */
const numRuns = Number(process.env.FUZZ_RUNS ?? 600);
/** The pinned instant of every cloud in this file (tokens from setup stay valid in each run). */
const now = Date.UTC(2026, 10, 3, 9, 5, 7);

const origin = 'https://cognito-idp.us-east-1.amazonaws.com';
const poolId = 'us-east-1_FlowLab01';
const targetPrefix = 'AWSCognitoIdentityProviderService';
const wellKnownPath = /^\/[^/]+\/\.well-known\/(jwks\.json|openid-configuration)$/;

const implemented = [
	'InitiateAuth',
	'RespondToAuthChallenge',
	'SignUp',
	'ConfirmSignUp',
	'ResendConfirmationCode',
	'GetUser',
	'GlobalSignOut',
	'RevokeToken'
] as const;
/** Real user-pool operations the simulator does not implement (yet). */
const notImplemented = [
	'AdminInitiateAuth',
	'ForgotPassword',
	'ConfirmForgotPassword',
	'ChangePassword',
	'AssociateSoftwareToken',
	'VerifySoftwareToken',
	'SetUserMFAPreference',
	'UpdateUserAttributes',
	'DeleteUser',
	'ListUsers',
	'GetTokensFromRefreshToken'
];

// ---------------------------------------------------------------------------------------------
// References: values only known while a run goes on (the last Session, a fresh signature), put
// into a generated body as marked strings and filled in just before the request is sent, with an
// optional mutation (truncate, flip one character, append) applied after.

const mark = '\u241f';
const mutationMark = '\u241e';
type RefName =
	| 'session'
	| 'secretBlock'
	| 'srpA'
	| 'signature'
	| 'timestamp'
	| 'totp'
	| 'secretHash'
	| 'code'
	| 'accessToken'
	| 'idToken'
	| 'refreshToken'
	| 'challengeName';

const mutation = fc.oneof(
	{ weight: 12, arbitrary: fc.constant('') },
	{ weight: 1, arbitrary: fc.nat(2000).map((n) => `t${n}`) },
	{ weight: 1, arbitrary: fc.nat(2000).map((n) => `f${n}`) },
	{ weight: 1, arbitrary: fc.string({ maxLength: 4 }).map((s) => `a${s}`) }
);
const ref = (...names: RefName[]) =>
	fc
		.tuple(fc.constantFrom(...names), mutation)
		.map(([name, how]) => `${mark}${name}${mutationMark}${how}`);

function mutate(value: string, how: string): string {
	if (how === '') return value;
	const n = Number(how.slice(1));
	if (how.startsWith('t')) return value.slice(0, n % (value.length + 1));
	if (how.startsWith('f') && value.length > 0) {
		const i = n % value.length;
		return value.slice(0, i) + String.fromCharCode(value.charCodeAt(i) ^ 1) + value.slice(i + 1);
	}
	return value + how.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Input members: mostly plausible, sometimes mutated, sometimes of the wrong JSON type.

const wrongType = fc.oneof(
	fc.jsonValue({ maxDepth: 2 }),
	fc.constantFrom(null, 0, -1, 1e308, true, false, [], {}, [''], { '': '' })
);
const member = <T>(plausible: fc.Arbitrary<T>) =>
	fc.oneof({ weight: 8, arbitrary: plausible }, { weight: 1, arbitrary: wrongType });

/** Like `fc.record`, but each member is present 6 times in 7: enough to get past validation. */
const missing = Symbol('missing');
function mostly<T extends Record<string, fc.Arbitrary<unknown>>>(model: T) {
	const keys = Object.keys(model);
	return fc
		.tuple(...keys.map((k) => fc.option(model[k]!, { freq: 7, nil: missing })))
		.map((values) =>
			Object.fromEntries(keys.flatMap((k, i) => (values[i] === missing ? [] : [[k, values[i]]])))
		);
}

const scenario = testScenario();
const users = scenario.userPool.users;
const clientId = member(
	fc.oneof(
		{ weight: 6, arbitrary: fc.constantFrom(webClientId, serverClientId, legacyClientId) },
		{ weight: 1, arbitrary: fc.constantFrom('', 'nope', webClientId.toUpperCase()) },
		{ weight: 1, arbitrary: fc.string() }
	)
);
const username = fc.oneof(
	{ weight: 6, arbitrary: fc.constantFrom(...users.map((u) => u.username)) },
	{
		weight: 2,
		arbitrary: fc.constantFrom('ALICE', 'nobody', '', 'alice@example.com', users[0]!.sub, ' alice')
	},
	{ weight: 1, arbitrary: fc.string() }
);
const password = fc.oneof(
	{ weight: 4, arbitrary: fc.constantFrom(...users.map((u) => u.password)) },
	{ weight: 1, arbitrary: fc.constantFrom('wrong', '', 'Brand-New-Pass-42', 'short') },
	{ weight: 1, arbitrary: fc.string() }
);
const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), maxLength: 800 });
const srpA = fc.oneof(
	{ weight: 6, arbitrary: ref('srpA') },
	{
		weight: 2,
		arbitrary: fc.constantFrom(
			'0',
			'00',
			'',
			'zz',
			'-1',
			'0x10',
			SRP_N.toString(16),
			(SRP_N * 2n).toString(16),
			(SRP_N + 1n).toString(16)
		)
	},
	{ weight: 1, arbitrary: hex }
);
const attributes = fc.array(
	fc.record(
		{
			Name: member(
				fc.constantFrom('email', 'name', 'sub', 'email_verified', 'phone_number', 'custom:x', '')
			),
			Value: member(fc.oneof(fc.constantFrom('new@example.com', 'true', ''), fc.string()))
		},
		{ requiredKeys: [] }
	),
	{ maxLength: 4 }
);
const stringMap = fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 40 }), {
	maxKeys: 3
});
const anyToken = ref('accessToken', 'idToken', 'refreshToken');

const authParameters = mostly({
	USERNAME: member(username),
	PASSWORD: member(password),
	SRP_A: member(srpA),
	SECRET_HASH: member(fc.oneof(ref('secretHash'), fc.string())),
	REFRESH_TOKEN: member(fc.oneof({ weight: 4, arbitrary: ref('refreshToken') }, anyToken)),
	DEVICE_KEY: member(fc.string())
});
const challengeResponses = mostly({
	USERNAME: member(username),
	PASSWORD_CLAIM_SECRET_BLOCK: member(fc.oneof(ref('secretBlock'), fc.base64String())),
	PASSWORD_CLAIM_SIGNATURE: member(fc.oneof(ref('signature'), fc.base64String())),
	TIMESTAMP: member(
		fc.oneof(
			{ weight: 4, arbitrary: ref('timestamp') },
			fc.constantFrom('Mon Jan 1 00:00:00 UTC 2024', 'Tue Nov 3 09:05:07 UTC 2026', 'soon', '')
		)
	),
	SOFTWARE_TOKEN_MFA_CODE: member(
		fc.oneof(ref('totp'), fc.constantFrom('000000', '12345', 'abcdef', ''))
	),
	NEW_PASSWORD: member(password),
	SECRET_HASH: member(fc.oneof(ref('secretHash'), fc.string())),
	'userAttributes.name': member(fc.string()),
	'userAttributes.sub': member(fc.string()),
	'userAttributes.email': member(fc.string())
});

const members = {
	AuthFlow: member(
		fc.constantFrom(
			'USER_SRP_AUTH',
			'USER_PASSWORD_AUTH',
			'REFRESH_TOKEN_AUTH',
			'REFRESH_TOKEN',
			'CUSTOM_AUTH',
			'USER_AUTH',
			'ADMIN_NO_SRP_AUTH',
			'ADMIN_USER_PASSWORD_AUTH',
			'user_srp_auth',
			''
		)
	),
	ClientId: clientId,
	AuthParameters: member(authParameters),
	ChallengeName: member(
		fc.constantFrom(
			'PASSWORD_VERIFIER',
			'SOFTWARE_TOKEN_MFA',
			'NEW_PASSWORD_REQUIRED',
			'SMS_MFA',
			'MFA_SETUP',
			'SELECT_MFA_TYPE',
			'CUSTOM_CHALLENGE',
			'DEVICE_SRP_AUTH',
			'NOPE'
		)
	),
	Session: member(fc.oneof({ weight: 4, arbitrary: ref('session') }, fc.string())),
	ChallengeResponses: member(challengeResponses),
	Username: member(username),
	Password: member(password),
	SecretHash: member(fc.oneof(ref('secretHash'), fc.string())),
	UserAttributes: member(attributes),
	ValidationData: member(attributes),
	ClientMetadata: member(stringMap),
	ConfirmationCode: member(
		fc.oneof(ref('code'), fc.constantFrom('123456', '000000', ''), fc.string())
	),
	ForceAliasCreation: member(fc.boolean()),
	AccessToken: member(
		fc.oneof({ weight: 4, arbitrary: ref('accessToken') }, anyToken, fc.string())
	),
	Token: member(fc.oneof({ weight: 4, arbitrary: ref('refreshToken') }, anyToken, fc.string())),
	ClientSecret: member(fc.oneof(fc.constant(serverClientSecret), fc.string())),
	AnalyticsMetadata: wrongType,
	UserContextData: wrongType
};
type Member = keyof typeof members;

const inputOf: Record<string, Member[]> = {
	InitiateAuth: ['AuthFlow', 'ClientId', 'AuthParameters', 'ClientMetadata', 'AnalyticsMetadata'],
	RespondToAuthChallenge: [
		'ClientId',
		'ChallengeName',
		'Session',
		'ChallengeResponses',
		'ClientMetadata',
		'UserContextData'
	],
	SignUp: [
		'ClientId',
		'SecretHash',
		'Username',
		'Password',
		'UserAttributes',
		'ValidationData',
		'ClientMetadata'
	],
	ConfirmSignUp: [
		'ClientId',
		'SecretHash',
		'Username',
		'ConfirmationCode',
		'ForceAliasCreation',
		'ClientMetadata'
	],
	ResendConfirmationCode: ['ClientId', 'SecretHash', 'Username', 'ClientMetadata'],
	GetUser: ['AccessToken'],
	GlobalSignOut: ['AccessToken'],
	RevokeToken: ['Token', 'ClientId', 'ClientSecret']
};
const allMembers = Object.keys(members) as Member[];

/** A JSON object shaped like the input of `operation` (or of any operation), plus stray keys. */
function inputFor(operation: string) {
	const names = inputOf[operation] ?? allMembers;
	const shaped = mostly(Object.fromEntries(names.map((n) => [n, members[n]])));
	const stray = fc.dictionary(fc.string({ maxLength: 12 }), wrongType, { maxKeys: 2 });
	return fc.oneof(
		{ weight: 8, arbitrary: shaped },
		{ weight: 1, arbitrary: fc.tuple(shaped, stray).map(([a, b]) => ({ ...b, ...a })) },
		{ weight: 1, arbitrary: fc.record(members, { requiredKeys: [] }) }
	);
}

// ---------------------------------------------------------------------------------------------
// Bodies, headers, targets, paths.

const twoMegabytes = `{"ClientId":"${'x'.repeat(2 * 1024 * 1024)}"}`;
const utf8 = new TextEncoder();

/** Large bodies are described, not spelled out, so a failure report stays readable. */
type Body =
	| { kind: 'input'; operation: string; input: Record<string, unknown> }
	| { kind: 'text'; text: string }
	| { kind: 'bytes'; bytes: Uint8Array }
	| { kind: 'nested'; shape: 'arrays' | 'objects'; depth: number; member?: string }
	| { kind: 'huge' }
	| { kind: 'none' };

const nested = fc.oneof(
	fc.integer({ min: 1, max: 120_000 }).map((depth) => ({ shape: 'arrays' as const, depth })),
	fc.integer({ min: 1, max: 40_000 }).map((depth) => ({ shape: 'objects' as const, depth }))
);
const nestedJson = ({ shape, depth }: { shape: 'arrays' | 'objects'; depth: number }) =>
	shape === 'arrays'
		? '['.repeat(depth) + ']'.repeat(depth)
		: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const body = (operation: string): fc.Arbitrary<Body> =>
	fc.oneof(
		{
			weight: 20,
			arbitrary: inputFor(operation).map((input) => ({ kind: 'input' as const, operation, input }))
		},
		// JSON that is not an object, and text that is not JSON
		{
			weight: 1,
			arbitrary: fc
				.jsonValue()
				.map((v) => ({ kind: 'text' as const, text: JSON.stringify(v) ?? '' }))
		},
		{
			weight: 1,
			arbitrary: fc
				.string({ unit: 'binary', maxLength: 200 })
				.map((text) => ({ kind: 'text' as const, text }))
		},
		{
			// lone surrogates, which a UTF-8 encoder turns into U+FFFD
			weight: 1,
			arbitrary: fc
				.string({
					unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))
				})
				.map((s) => ({ kind: 'text' as const, text: `{"ClientId":"${s}","AuthFlow":"${s}"}` }))
		},
		// invalid UTF-8, alone and inside an otherwise plausible body
		{
			weight: 1,
			arbitrary: fc
				.uint8Array({ maxLength: 200 })
				.map((bytes) => ({ kind: 'bytes' as const, bytes }))
		},
		{
			weight: 1,
			arbitrary: fc
				.constantFrom([0xff], [0xfe, 0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf])
				.map((bad) => ({
					kind: 'bytes' as const,
					bytes: Uint8Array.from([
						...utf8.encode(
							`{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"${serverClientId}","AuthParameters":{"USERNAME":"`
						),
						...bad,
						...utf8.encode('","PASSWORD":"x"}}')
					])
				}))
		},
		// deep nesting, as the whole body and as one member
		{ weight: 1, arbitrary: nested.map((n) => ({ kind: 'nested' as const, ...n })) },
		{
			weight: 1,
			arbitrary: fc
				.tuple(fc.constantFrom(...allMembers), nested)
				.map(([member, n]) => ({ kind: 'nested' as const, member, ...n }))
		},
		{ weight: 1, arbitrary: fc.constant<Body>({ kind: 'huge' }) },
		{
			weight: 1,
			arbitrary: fc.constantFrom<Body>(
				{ kind: 'none' },
				{ kind: 'text', text: '' },
				{ kind: 'text', text: ' \n' }
			)
		}
	);

const headerValue = fc.string({
	unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
	maxLength: 60
});
const target = fc.oneof(
	{ weight: 12, arbitrary: fc.constantFrom(...implemented).map((op) => `${targetPrefix}.${op}`) },
	{ weight: 2, arbitrary: fc.constantFrom(...notImplemented).map((op) => `${targetPrefix}.${op}`) },
	{
		weight: 2,
		arbitrary: fc.constantFrom(
			'',
			'InitiateAuth',
			'.InitiateAuth',
			`${targetPrefix}.`,
			`${targetPrefix}.InitiateAuth.`,
			`${targetPrefix.toLowerCase()}.InitiateAuth`,
			`${targetPrefix}.initiateAuth`,
			'AWSCognitoIdentityService.GetId',
			'AWSSecurityTokenServiceV20110615.AssumeRoleWithWebIdentity'
		)
	},
	{ weight: 1, arbitrary: headerValue }
);
const contentType = fc.oneof(
	{ weight: 10, arbitrary: fc.constant('application/x-amz-json-1.1') },
	{
		weight: 3,
		arbitrary: fc.constantFrom(
			'application/x-amz-json-1.0',
			'application/json',
			'application/json; charset=utf-8',
			'APPLICATION/X-AMZ-JSON-1.1',
			'text/plain;charset=UTF-8',
			'application/x-www-form-urlencoded',
			'multipart/form-data; boundary=x',
			''
		)
	},
	{ weight: 1, arbitrary: headerValue }
);
const extraHeaders = fc.dictionary(
	fc.oneof(
		fc.constantFrom(
			'authorization',
			'x-amz-date',
			'x-amz-user-agent',
			'content-encoding',
			'accept',
			'cache-control'
		),
		fc.string({
			unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz-'),
			minLength: 1,
			maxLength: 20
		})
	),
	headerValue,
	{ maxKeys: 3 }
);

interface Sent {
	method: string;
	url: string;
	headers: Record<string, string>;
	body: Body;
}

/** The JSON API: POST / with a target, mostly well formed. */
const messyEnvelope = fc.record({
	method: fc.oneof(
		{ weight: 4, arbitrary: fc.constant('POST') },
		fc.constantFrom('GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS')
	),
	url: fc.oneof(
		{ weight: 4, arbitrary: fc.constant(`${origin}/`) },
		fc.constantFrom(
			`${origin}`,
			`${origin}:443/`,
			'https://COGNITO-IDP.us-east-1.amazonaws.com/',
			`${origin}/?Action=InitiateAuth`,
			`${origin}//`
		)
	),
	target,
	contentType: fc.option(contentType, { freq: 6 }),
	extra: extraHeaders
});
/** What an SDK sends: only the operation and the body vary. */
const cleanEnvelope = fc.record({
	method: fc.constant('POST'),
	url: fc.constant(`${origin}/`),
	target: fc.constantFrom(...implemented).map((op) => `${targetPrefix}.${op}`),
	contentType: fc.constant<string | null>('application/x-amz-json-1.1'),
	extra: fc.constant({})
});
const apiRequest: fc.Arbitrary<Sent> = fc
	.oneof({ weight: 3, arbitrary: cleanEnvelope }, { weight: 1, arbitrary: messyEnvelope })
	.chain(({ method, url, target, contentType, extra }) => {
		const operation = target.slice(target.lastIndexOf('.') + 1);
		const headers: Record<string, string> = { ...extra, 'x-amz-target': target };
		if (contentType !== null) headers['content-type'] = contentType;
		const noBody = method === 'GET' || method === 'HEAD';
		return (noBody ? fc.constant<Body>({ kind: 'none' }) : body(operation)).map((b) => ({
			method,
			url,
			headers,
			body: b
		}));
	});

/** The pool's public documents, with other pool ids and methods. */
const wellKnownRequest: fc.Arbitrary<Sent> = fc.record({
	method: fc.oneof(
		{ weight: 6, arbitrary: fc.constant('GET') },
		fc.constantFrom('HEAD', 'POST', 'DELETE')
	),
	url: fc
		.tuple(
			fc.oneof(
				{ weight: 6, arbitrary: fc.constant(poolId) },
				fc.constantFrom(
					'us-east-1_Other123',
					'eu-west-1_FlowLab01',
					poolId.toLowerCase(),
					'',
					'..',
					'%2e%2e'
				),
				fc.string({ maxLength: 30 }).map(encodeURIComponent)
			),
			fc.constantFrom('jwks.json', 'openid-configuration', '', 'jwks', 'JWKS.JSON', 'jwks.json/'),
			fc.option(fc.webQueryParameters(), { freq: 4 })
		)
		.map(([pool, doc, query]) => `${origin}/${pool}/.well-known/${doc}${query ? `?${query}` : ''}`),
	headers: extraHeaders,
	body: fc.constant<Body>({ kind: 'none' })
});

/** Anything else on the host: random paths and methods. */
const strayRequest: fc.Arbitrary<Sent> = fc.record({
	method: fc.constantFrom('GET', 'POST', 'PUT', 'HEAD', 'OPTIONS'),
	url: fc.oneof(
		fc.webPath().map((p) => `${origin}${p.startsWith('/') ? p : `/${p}`}`),
		fc.constantFrom(
			`${origin}/oauth2/token`,
			`${origin}/.well-known/jwks.json`,
			`${origin}/${poolId}`,
			`${origin}/${poolId}/.well-known/`
		)
	),
	headers: fc.record({ 'x-amz-target': target, 'content-type': contentType }, { requiredKeys: [] }),
	body: fc.constant<Body>({ kind: 'none' })
});

const request = fc.oneof(
	{ weight: 12, arbitrary: apiRequest },
	{ weight: 2, arbitrary: wellKnownRequest },
	{ weight: 1, arbitrary: strayRequest }
);

// ---------------------------------------------------------------------------------------------
// Scripted sessions: a whole sign-in as a client would run it (SRP or password, the challenge
// that follows, GetUser, refresh, sign-out, revocation), each value replaced by a fuzzed one
// now and then and each step sometimes swapped for a random request. Random requests alone
// rarely get a real Session or tokens; these reach every step of the state machine.

/** `value` (a value or an arbitrary) 10 times in 11, otherwise whatever `corrupt` makes. */
const usually = (value: unknown, corrupt: fc.Arbitrary<unknown>) =>
	fc.oneof(
		{ weight: 10, arbitrary: value instanceof fc.Arbitrary ? value : fc.constant(value) },
		{ weight: 1, arbitrary: corrupt }
	);
const anything = fc.oneof(wrongType, fc.string(), ref('session', 'accessToken', 'refreshToken'));

/** An object whose members are usually as given; each is dropped 1 time in 12. */
function usuallyObject(
	model: Record<string, unknown>,
	corrupt: Partial<Record<string, fc.Arbitrary<unknown>>> = {}
) {
	const keys = Object.keys(model);
	return fc
		.tuple(
			...keys.map((k) =>
				fc.option(usually(model[k], corrupt[k] ?? anything), { freq: 12, nil: missing })
			)
		)
		.map((values) =>
			Object.fromEntries(keys.flatMap((k, i) => (values[i] === missing ? [] : [[k, values[i]]])))
		);
}

const call = (
	operation: string,
	input: fc.Arbitrary<Record<string, unknown>>
): fc.Arbitrary<Sent> =>
	fc.oneof(
		{
			weight: 10,
			arbitrary: input.map((i) => ({
				method: 'POST',
				url: `${origin}/`,
				headers: {
					'content-type': 'application/x-amz-json-1.1',
					'x-amz-target': `${targetPrefix}.${operation}`
				},
				body: { kind: 'input' as const, operation, input: i }
			}))
		},
		{ weight: 1, arbitrary: request }
	);

const r = (name: RefName) => `${mark}${name}${mutationMark}`;

const scriptedSession: fc.Arbitrary<Sent[]> = fc
	.record({
		user: fc.constantFrom(...users),
		clientId: fc.constantFrom(webClientId, serverClientId, legacyClientId),
		flow: fc.constantFrom('USER_SRP_AUTH', 'USER_PASSWORD_AUTH'),
		end: fc.constantFrom('GlobalSignOut', 'RevokeToken')
	})
	.chain(({ user, clientId, flow, end }) => {
		const hash = clientId === serverClientId ? { SECRET_HASH: r('secretHash') } : {};
		const client = usually(clientId, members.ClientId);
		const start = call(
			'InitiateAuth',
			usuallyObject(
				{
					AuthFlow: flow,
					ClientId: clientId,
					AuthParameters: usuallyObject({
						USERNAME: user.username,
						...(flow === 'USER_SRP_AUTH' ? { SRP_A: r('srpA') } : { PASSWORD: user.password }),
						...hash
					})
				},
				{ AuthFlow: members.AuthFlow, ClientId: client }
			)
		);
		const respond = (responses: Record<string, unknown>) =>
			call(
				'RespondToAuthChallenge',
				usuallyObject(
					{
						ClientId: clientId,
						ChallengeName: r('challengeName'),
						Session: r('session'),
						ChallengeResponses: usuallyObject(
							{ ...responses, ...hash },
							{ TIMESTAMP: members.ChallengeResponses }
						)
					},
					{ ChallengeName: members.ChallengeName, Session: members.Session }
				)
			);
		const verifier = respond({
			USERNAME: user.username,
			PASSWORD_CLAIM_SECRET_BLOCK: r('secretBlock'),
			PASSWORD_CLAIM_SIGNATURE: r('signature'),
			TIMESTAMP: r('timestamp')
		});
		const next = respond({
			USERNAME: user.username,
			SOFTWARE_TOKEN_MFA_CODE: r('totp'),
			NEW_PASSWORD: 'Brand-New-Pass-42',
			'userAttributes.name': 'Fuzzed Name'
		});
		const getUser = call('GetUser', usuallyObject({ AccessToken: r('accessToken') }));
		const refresh = call(
			'InitiateAuth',
			usuallyObject({
				AuthFlow: 'REFRESH_TOKEN_AUTH',
				ClientId: clientId,
				AuthParameters: usuallyObject({ REFRESH_TOKEN: r('refreshToken'), ...hash })
			})
		);
		const signOut =
			end === 'GlobalSignOut'
				? call('GlobalSignOut', usuallyObject({ AccessToken: r('accessToken') }))
				: call(
						'RevokeToken',
						usuallyObject({
							Token: r('refreshToken'),
							ClientId: clientId,
							...(clientId === serverClientId ? { ClientSecret: serverClientSecret } : {})
						})
					);
		const steps =
			flow === 'USER_SRP_AUTH'
				? [start, verifier, next, getUser, refresh, signOut, getUser, refresh]
				: [start, next, getUser, refresh, signOut, getUser, refresh];
		return fc.tuple(...steps);
	});

// ---------------------------------------------------------------------------------------------
// One run: a fresh cloud and a short session of requests; what each answer taught is kept.

interface Session {
	cloud: Cloud;
	session?: string;
	challengeName?: string;
	challenge?: Record<string, string>;
	tokens: { accessToken: string; idToken: string; refreshToken: string };
}

/** The client's SRP secret whose `A` the `srpA` reference sends, so `signature` can be computed. */
const srp = srpClientStart();
let setupTokens: Session['tokens'];

async function resolveRefs(
	value: unknown,
	input: Record<string, unknown>,
	s: Session
): Promise<unknown> {
	if (typeof value === 'string' && value.startsWith(mark)) {
		const [name, how] = value.slice(1).split(mutationMark) as [RefName, string];
		return mutate(await lookUp(name, input, s), how);
	}
	if (Array.isArray(value)) return Promise.all(value.map((v) => resolveRefs(v, input, s)));
	if (typeof value === 'object' && value !== null) {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = await resolveRefs(v, input, s);
		return out;
	}
	return value;
}

async function lookUp(name: RefName, input: Record<string, unknown>, s: Session): Promise<string> {
	const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
	const params = (input.AuthParameters ?? input.ChallengeResponses ?? {}) as Record<
		string,
		unknown
	>;
	const who = str(params.USERNAME) ?? str(input.Username) ?? 'alice';
	const stamp = formatSrpTimestamp(new Date(s.cloud.clock.now()));
	switch (name) {
		case 'session':
			return s.session ?? 'no-session-yet';
		case 'challengeName':
			return s.challengeName ?? 'PASSWORD_VERIFIER';
		case 'secretBlock':
			return s.challenge?.SECRET_BLOCK ?? '';
		case 'srpA':
			return srp.srpA;
		case 'timestamp':
			return stamp;
		case 'secretHash':
			return computeSecretHash(who, str(input.ClientId) ?? serverClientId, serverClientSecret);
		case 'totp':
			return await totpCode(users.find((u) => u.totpSecret)!.totpSecret!, s.cloud.clock.now());
		case 'code':
			return s.cloud.userPool.outbox.at(-1)?.code ?? '123456';
		case 'signature': {
			const c = s.challenge;
			const user = users.find((u) => u.username === c?.USER_ID_FOR_SRP || u.username === who);
			if (!c?.SRP_B || !c.SALT || !c.SECRET_BLOCK || !c.USER_ID_FOR_SRP) return 'no-challenge-yet';
			try {
				const { signature } = await srpClientSignature({
					poolName: poolId.split('_')[1]!,
					userIdForSrp: c.USER_ID_FOR_SRP,
					password: user?.password ?? 'wrong',
					a: srp.a,
					A: srp.A,
					srpB: c.SRP_B,
					salt: c.SALT,
					secretBlock: c.SECRET_BLOCK,
					timestamp: stamp
				});
				return signature;
			} catch {
				return 'unsignable';
			}
		}
		default:
			return s.tokens[name];
	}
}

async function encode(b: Body, s: Session): Promise<BodyInit | undefined> {
	switch (b.kind) {
		case 'input':
			return JSON.stringify(await resolveRefs(b.input, b.input, s));
		case 'text':
			return b.text;
		case 'bytes':
			return new Uint8Array(b.bytes);
		case 'nested':
			return b.member ? `{"${b.member}":${nestedJson(b)}}` : nestedJson(b);
		case 'huge':
			return twoMegabytes;
		case 'none':
			return undefined;
	}
}

/** What a failure message shows: enough to replay the request by hand. */
function describeExchange(sent: Sent, body: BodyInit | undefined, status: number, answer: string) {
	const shown =
		typeof body === 'string'
			? body.length > 300
				? `${body.slice(0, 300)}… (${body.length} characters)`
				: body
			: body instanceof Uint8Array
				? `bytes [${[...body.slice(0, 80)].join(',')}${body.length > 80 ? ',…' : ''}]`
				: '(none)';
	return [
		`${sent.method} ${sent.url}`,
		...Object.entries(sent.headers).map(([k, v]) => `${k}: ${v}`),
		'',
		shown,
		'',
		`→ ${status} ${answer.slice(0, 600)}`
	].join('\n');
}

async function send(s: Session, sent: Sent): Promise<void> {
	const bodyInit = await encode(sent.body, s);
	const before = s.cloud.log.entries.length;
	let response: Response;
	try {
		response = await s.cloud.fetch(sent.url, {
			method: sent.method,
			headers: sent.headers,
			body: bodyInit
		});
	} catch (error) {
		throw new Error(
			`cloud.fetch rejected (${String(error)}):\n${describeExchange(sent, bodyInit, 0, '')}`
		);
	}
	const text = await response.text();
	const context = describeExchange(sent, bodyInit, response.status, text);
	const fail = (why: string): never => {
		throw new Error(`${why}\n${context}`);
	};

	// Check the status: a number AWS could send, and never the 500 of a service that threw
	if (!Number.isInteger(response.status) || response.status < 200 || response.status > 599)
		fail(`status ${response.status} is not an HTTP status`);
	if (response.status === 500) fail('500: a simulated service threw');
	// Check the exchange was recorded once, as answered
	if (s.cloud.log.entries.length !== before + 1) fail('the exchange was not recorded exactly once');
	if (s.cloud.log.entries.at(-1)!.response.status !== response.status)
		fail('the log shows another status');

	const url = new URL(sent.url);
	const isDocument = sent.method === 'GET' && wellKnownPath.test(url.pathname);
	if (isDocument) {
		if (response.status !== 200 && response.status !== 404)
			fail('a .well-known document answered neither 200 nor 404');
		try {
			JSON.parse(text);
		} catch {
			fail('a .well-known answer is not JSON');
		}
		return;
	}

	// Check the JSON API's answer: a JSON object; errors as `__type` plus x-amzn-ErrorType
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		fail('the answer is not JSON');
	}
	if (typeof json !== 'object' || json === null || Array.isArray(json))
		return fail('the answer is not a JSON object');
	const answer = json as Record<string, unknown>;
	if (response.headers.get('content-type') !== 'application/x-amz-json-1.1')
		fail('wrong content-type');
	if (response.status >= 400) {
		count(
			`${operationOf(sent)} ${response.status} ${String(answer.__type)}: ${String(answer.message).slice(0, 70)}`
		);
		if (response.status >= 500) fail('a 5xx answer');
		if (typeof answer.__type !== 'string' || answer.__type === '')
			fail('an error without a string __type');
		const header = response.headers.get('x-amzn-errortype') ?? '';
		if (header.split(':')[0] !== answer.__type)
			fail(`x-amzn-errortype "${header}" does not name the __type`);
		if (answer.message !== undefined && typeof answer.message !== 'string')
			fail('a non-string message');
		return;
	}

	// Learn from a success what the next request may refer to
	if (typeof answer.Session === 'string') s.session = answer.Session;
	if (typeof answer.ChallengeName === 'string') s.challengeName = answer.ChallengeName;
	const parameters = answer.ChallengeParameters;
	if (parameters && typeof parameters === 'object' && 'SECRET_BLOCK' in parameters)
		s.challenge = parameters as Record<string, string>;
	const result = answer.AuthenticationResult as Record<string, string> | undefined;
	if (result?.AccessToken) s.tokens.accessToken = result.AccessToken;
	if (result?.IdToken) s.tokens.idToken = result.IdToken;
	if (result?.RefreshToken) s.tokens.refreshToken = result.RefreshToken;
	progress.add(`${operationOf(sent)}:${result ? 'tokens' : (answer.ChallengeName ?? 'ok')}`);
}

/** One run: random requests, or a scripted sign-in. */
const session = fc.oneof(
	{ weight: 1, arbitrary: fc.array(request, { minLength: 1, maxLength: 8 }) },
	{ weight: 1, arbitrary: scriptedSession }
);

/** Which successes the runs reached, so the test can show it got past input validation. */
const progress = new Set<string>();
/** With FUZZ_STATS=1, how often each answer came back: shows where the bodies get stuck. */
const answers = new Map<string, number>();
const count = (key: string) => answers.set(key, (answers.get(key) ?? 0) + 1);
const operationOf = (sent: Sent) => sent.headers['x-amz-target']?.split('.').at(-1) ?? '(none)';

function freshCloud(): Cloud {
	return createCloud(testScenario(), { clock: { fixed: now }, userPoolKeys: testKeys });
}

describe('cloud.fetch under random requests', () => {
	beforeAll(async () => {
		// Real tokens for alice, for the token references of every run
		const cloud = freshCloud();
		const response = await cloud.fetch(`${origin}/`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-amz-json-1.1',
				'x-amz-target': `${targetPrefix}.InitiateAuth`
			},
			body: JSON.stringify({
				AuthFlow: 'USER_PASSWORD_AUTH',
				ClientId: serverClientId,
				AuthParameters: {
					USERNAME: 'alice',
					PASSWORD: users[0]!.password,
					SECRET_HASH: await computeSecretHash('alice', serverClientId, serverClientSecret)
				}
			})
		});
		const { AuthenticationResult: r } = await response.json();
		setupTokens = { accessToken: r.AccessToken, idToken: r.IdToken, refreshToken: r.RefreshToken };
	});

	it('answers every request like AWS: resolves, 200–599 but never 500, typed JSON errors', async () => {
		await fc.assert(
			fc.asyncProperty(session, async (requests) => {
				const s: Session = { cloud: freshCloud(), tokens: { ...setupTokens } };
				for (const sent of requests) await send(s, sent);
			}),
			{ seed, numRuns, endOnFailure: false }
		);
		if (process.env.FUZZ_STATS) {
			const rows = [...answers]
				.sort((a, b) => b[1] - a[1])
				.map(([k, n]) => `${String(n).padStart(5)} ${k}`);
			console.log(`successes: ${[...progress].sort().join(', ')}\n${rows.join('\n')}`);
		}
		// The bodies are meant to reach past validation: make sure they still do.
		for (const reached of [
			'InitiateAuth:PASSWORD_VERIFIER',
			'InitiateAuth:tokens',
			'RespondToAuthChallenge:tokens',
			'RespondToAuthChallenge:SOFTWARE_TOKEN_MFA',
			'RespondToAuthChallenge:NEW_PASSWORD_REQUIRED',
			'GetUser:ok',
			'GlobalSignOut:ok',
			'RevokeToken:ok'
		])
			expect([...progress]).toContain(reached);
	}, 120_000);
});
