import { checkSsm } from './check-ssm';
import { ScenarioError } from './scenario-error';
import {
	boolean,
	integer,
	list,
	object,
	oneOf,
	pattern,
	text,
	type Fields
} from './scenario-fields';

interface Known {
	region: string;
	accountId: string;
}

const roleArn = /^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]{1,64}$/;
const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * Checks the identity pool, IAM and S3 parts of a scenario from untrusted JSON, naming the first
 * bad field. Cross-references are checked too (a role the pool names must exist in `iam.roles`),
 * because a dangling ARN would otherwise surface as a confusing error deep inside a flow.
 */
export function checkAccountResources(s: Fields, known: Known): void {
	const roleArns = checkIam(object(s.iam, 'iam'), known);
	checkIdentityPool(object(s.identityPool, 'identityPool'), known, roleArns);
	checkS3(object(s.s3, 's3'));
	if (s.ssm !== undefined) checkSsm(object(s.ssm, 'ssm'));
}

function checkIam(iam: Fields, known: Known): Set<string> {
	const arns = new Set<string>();
	list(iam.roles, 'iam.roles').forEach((raw, i) => {
		const at = `iam.roles[${i}]`;
		const r = object(raw, at);
		const name = pattern(r, 'name', /^[\w+=,.@-]{1,64}$/, 'an IAM role name', at);
		const arn = pattern(r, 'arn', roleArn, 'an IAM role ARN', at);
		if (arn !== `arn:aws:iam::${known.accountId}:role/${name}`)
			throw new ScenarioError(`${at}.arn`, `must be arn:aws:iam::${known.accountId}:role/${name}`);
		if (arns.has(arn)) throw new ScenarioError(`${at}.arn`, `repeats the role "${arn}"`);
		arns.add(arn);
		pattern(r, 'roleId', /^AROA[A-Z0-9]{17}$/, 'AROA followed by 17 capitals or digits', at);
		policyDocument(r.assumeRolePolicyDocument, `${at}.assumeRolePolicyDocument`);
		policies(r.policies, `${at}.policies`);
		integer(r, 'maxSessionDuration', 3600, 43200, at);
	});
	list(iam.users, 'iam.users').forEach((raw, i) => {
		const at = `iam.users[${i}]`;
		const u = object(raw, at);
		const name = pattern(u, 'name', /^[\w+=,.@-]{1,64}$/, 'an IAM user name', at);
		const arn = text(u, 'arn', at);
		if (arn !== `arn:aws:iam::${known.accountId}:user/${name}`)
			throw new ScenarioError(`${at}.arn`, `must be arn:aws:iam::${known.accountId}:user/${name}`);
		list(u.accessKeys, `${at}.accessKeys`).forEach((k, j) => {
			const key = object(k, `${at}.accessKeys[${j}]`);
			const where = `${at}.accessKeys[${j}]`;
			pattern(
				key,
				'accessKeyId',
				/^AKIA[A-Z0-9]{16}$/,
				'AKIA followed by 16 capitals or digits',
				where
			);
			pattern(key, 'secretAccessKey', /^[A-Za-z0-9/+]{40}$/, 'a 40-character secret', where);
		});
		policies(u.policies, `${at}.policies`);
	});
	return arns;
}

function checkIdentityPool(pool: Fields, known: Known, roleArns: ReadonlySet<string>): void {
	const at = 'identityPool';
	pattern(pool, 'id', new RegExp(`^${known.region}:${uuid}$`), `"${known.region}:" and a UUID`, at);
	text(pool, 'name', at);
	boolean(pool, 'allowUnauthenticatedIdentities', at);
	boolean(pool, 'allowClassicFlow', at);
	list(pool.cognitoIdentityProviders, `${at}.cognitoIdentityProviders`).forEach((raw, i) => {
		const where = `${at}.cognitoIdentityProviders[${i}]`;
		const p = object(raw, where);
		pattern(
			p,
			'providerName',
			/^cognito-idp\.[a-z]{2}(-gov)?-[a-z]+-\d\.amazonaws\.com\/[\w-]+_[a-zA-Z0-9]+$/,
			'cognito-idp.<region>.amazonaws.com/<userPoolId>',
			where
		);
		text(p, 'clientId', where);
		boolean(p, 'serverSideTokenCheck', where);
	});
	// The social providers identity pools know by their Logins keys (cognito.md §6).
	if (pool.supportedLoginProviders !== undefined) {
		const providers = object(pool.supportedLoginProviders, `${at}.supportedLoginProviders`);
		const keys = [
			'accounts.google.com',
			'graph.facebook.com',
			'www.amazon.com',
			'appleid.apple.com'
		];
		for (const key of Object.keys(providers)) {
			if (!keys.includes(key))
				throw new ScenarioError(
					`${at}.supportedLoginProviders`,
					`names "${key}", not one of ${keys.join(', ')}`
				);
			text(providers, key, `${at}.supportedLoginProviders`);
		}
	}
	if (pool.developerProviderName !== undefined)
		pattern(
			pool,
			'developerProviderName',
			/^[\w.-]{1,128}$/,
			'letters, digits, dots, underscores or hyphens',
			at
		);
	if (pool.identities !== undefined)
		list(pool.identities, `${at}.identities`).forEach((raw, i) => {
			const where = `${at}.identities[${i}]`;
			const identity = object(raw, where);
			pattern(
				identity,
				'id',
				new RegExp(`^${known.region}:${uuid}$`),
				`"${known.region}:" and a UUID`,
				where
			);
			for (const [provider, loginId] of Object.entries(object(identity.logins, `${where}.logins`)))
				if (typeof loginId !== 'string' || loginId === '')
					throw new ScenarioError(`${where}.logins["${provider}"]`, 'must be a login id');
		});
	const roles = object(pool.roles, `${at}.roles`);
	for (const kind of ['authenticated', 'unauthenticated']) {
		if (roles[kind] === undefined) continue;
		const arn = pattern(roles, kind, roleArn, 'an IAM role ARN', `${at}.roles`);
		if (!roleArns.has(arn))
			throw new ScenarioError(`${at}.roles.${kind}`, `must name a role of iam.roles`);
	}
	for (const [provider, raw] of Object.entries(object(pool.roleMappings, `${at}.roleMappings`))) {
		const where = `${at}.roleMappings["${provider}"]`;
		const m = object(raw, where);
		oneOf(m, 'type', ['Token', 'Rules'], where);
		oneOf(m, 'ambiguousRoleResolution', ['AuthenticatedRole', 'Deny'], where);
		if (m.rules === undefined) continue;
		list(m.rules, `${where}.rules`).forEach((r, i) => {
			const rule = object(r, `${where}.rules[${i}]`);
			text(rule, 'claim', `${where}.rules[${i}]`);
			oneOf(
				rule,
				'matchType',
				['Equals', 'Contains', 'StartsWith', 'NotEqual'],
				`${where}.rules[${i}]`
			);
			text(rule, 'value', `${where}.rules[${i}]`);
			pattern(rule, 'roleArn', roleArn, 'an IAM role ARN', `${where}.rules[${i}]`);
		});
	}
}

function checkS3(s3: Fields): void {
	const names = new Set<string>();
	list(s3.buckets, 's3.buckets').forEach((raw, i) => {
		const at = `s3.buckets[${i}]`;
		const b = object(raw, at);
		const name = pattern(
			b,
			'name',
			/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
			'a bucket name (3–63 lowercase letters, digits, dots, hyphens)',
			at
		);
		if (names.has(name)) throw new ScenarioError(`${at}.name`, `repeats the bucket "${name}"`);
		names.add(name);
		list(b.objects, `${at}.objects`).forEach((o, j) => {
			const obj = object(o, `${at}.objects[${j}]`);
			text(obj, 'key', `${at}.objects[${j}]`);
			if (typeof obj.body !== 'string')
				throw new ScenarioError(`${at}.objects[${j}].body`, 'must be a string');
			text(obj, 'contentType', `${at}.objects[${j}]`);
		});
	});
}

function policies(value: unknown, path: string): void {
	for (const [name, doc] of Object.entries(object(value, path)))
		policyDocument(doc, `${path}["${name}"]`);
}

/** The shape of a policy document; what its statements mean is IAM's evaluation, not checked here. */
function policyDocument(value: unknown, path: string): void {
	const doc = object(value, path);
	oneOf(doc, 'Version', ['2012-10-17', '2008-10-17'], path);
	list(doc.Statement, `${path}.Statement`).forEach((raw, i) => {
		const s = object(raw, `${path}.Statement[${i}]`);
		oneOf(s, 'Effect', ['Allow', 'Deny'], `${path}.Statement[${i}]`);
	});
}
