import { tryParseJson } from './walk-json';

/** Temporary AWS credentials found in a message, with the member names their service used. */
export interface FoundCredentials {
	accessKeyId: string;
	secretKey: string;
	/** `SecretKey` (identity pool, JSON) or `SecretAccessKey` (STS, XML): the same value. */
	secretName: 'SecretKey' | 'SecretAccessKey';
	sessionToken: string;
	/** Epoch ms, or `null` when the message gave none that reads as a time. */
	expiresAt: number | null;
}

/**
 * The `Credentials` of a GetCredentialsForIdentity answer (JSON, `SecretKey`, `Expiration` in epoch
 * seconds) or of an STS answer (XML, `SecretAccessKey`, ISO `Expiration`), or `null`. Read with
 * patterns, not an XML parser: the inspector runs in the page and only needs these four members.
 *
 * @example findCredentials('{"Credentials":{"AccessKeyId":"ASIA…","SecretKey":"…",…}}')
 */
export function findCredentials(body: string): FoundCredentials | null {
	const json = tryParseJson(body);
	if (json !== undefined) return fromJson(json);
	const member = (name: string) =>
		new RegExp(`<${name}>([^<]+)</${name}>`).exec(body)?.[1]?.trim() ?? undefined;
	const credentials = /<Credentials>[\s\S]*<\/Credentials>/.exec(body)?.[0];
	if (!credentials) return null;
	const accessKeyId = member('AccessKeyId');
	const secretKey = member('SecretAccessKey');
	const sessionToken = member('SessionToken');
	if (!accessKeyId || !secretKey || !sessionToken) return null;
	const expiration = member('Expiration');
	const expiresAt = expiration === undefined ? NaN : Date.parse(expiration);
	return {
		accessKeyId,
		secretKey,
		secretName: 'SecretAccessKey',
		sessionToken,
		expiresAt: Number.isNaN(expiresAt) ? null : expiresAt
	};
}

function fromJson(json: unknown): FoundCredentials | null {
	const credentials = field(json, 'Credentials');
	const accessKeyId = field(credentials, 'AccessKeyId');
	const secretKey = field(credentials, 'SecretKey') ?? field(credentials, 'SecretAccessKey');
	const sessionToken = field(credentials, 'SessionToken');
	if (typeof accessKeyId !== 'string' || typeof secretKey !== 'string') return null;
	if (typeof sessionToken !== 'string') return null;
	const expiration = field(credentials, 'Expiration');
	return {
		accessKeyId,
		secretKey,
		secretName: field(credentials, 'SecretKey') === undefined ? 'SecretAccessKey' : 'SecretKey',
		sessionToken,
		// The AWS JSON protocols send timestamps as epoch seconds (cognito.md §7.1)
		expiresAt: typeof expiration === 'number' ? expiration * 1000 : null
	};
}

function field(value: unknown, name: string): unknown {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)[name]
		: undefined;
}

/** What stands in for a secret until the learner reveals it. */
export const maskedSecret = '•'.repeat(12);

/**
 * `text` with every occurrence of `secret` replaced by the mask, so a secret key shown in a raw
 * body stays hidden like the one on the credentials card.
 *
 * @example maskSecret('{"SecretKey":"abc"}', 'abc') // '{"SecretKey":"••••••••••••"}'
 */
export function maskSecret(text: string, secret: string): string {
	return secret === '' ? text : text.split(secret).join(maskedSecret);
}
