import { tryParseJson } from './walk-json';

/** Temporary AWS credentials found in a message body. */
export interface FoundCredentials {
	/** Where they sit: `Credentials` (identity pool JSON) or `<Credentials>` (STS XML). */
	path: string;
	accessKeyId: string;
	/** The identity pool calls the secret `SecretKey`; STS calls it `SecretAccessKey`. */
	secretField: 'SecretKey' | 'SecretAccessKey';
	secret: string;
	sessionToken: string | null;
	/** Epoch ms, or `null` when absent or unreadable. */
	expiration: number | null;
}

/**
 * The temporary credentials a response carries, if any: the identity pool's JSON
 * `{"Credentials": {"AccessKeyId", "SecretKey", "SessionToken", "Expiration" (epoch seconds)}}`
 * or STS's XML `<Credentials>` with `<SecretAccessKey>` and an ISO `<Expiration>`. Never throws.
 *
 * @example findCredentials('{"Credentials":{"AccessKeyId":"ASIA…","SecretKey":"…"}}')?.secretField // 'SecretKey'
 */
export function findCredentials(body: string): FoundCredentials | null {
	return fromJson(body) ?? fromXml(body);
}

function fromJson(body: string): FoundCredentials | null {
	const data = tryParseJson(body);
	const credentials =
		typeof data === 'object' && data !== null
			? (data as Record<string, unknown>).Credentials
			: undefined;
	if (typeof credentials !== 'object' || credentials === null) return null;
	const c = credentials as Record<string, unknown>;
	const secretField = typeof c.SecretKey === 'string' ? 'SecretKey' : 'SecretAccessKey';
	if (typeof c.AccessKeyId !== 'string' || typeof c[secretField] !== 'string') return null;
	const expiration =
		typeof c.Expiration === 'number' ? c.Expiration * 1000 : Date.parse(String(c.Expiration));
	return {
		path: 'Credentials',
		accessKeyId: c.AccessKeyId,
		secretField,
		secret: c[secretField] as string,
		sessionToken: typeof c.SessionToken === 'string' ? c.SessionToken : null,
		expiration: Number.isFinite(expiration) ? expiration : null
	};
}

/** STS answers in XML; the four members are plain text elements inside `<Credentials>`. */
function fromXml(body: string): FoundCredentials | null {
	const block = /<Credentials>([\s\S]*?)<\/Credentials>/.exec(body)?.[1];
	if (block === undefined) return null;
	const member = (name: string) =>
		new RegExp(`<${name}>([^<]*)</${name}>`).exec(block)?.[1]?.trim() ?? null;
	const accessKeyId = member('AccessKeyId');
	const secret = member('SecretAccessKey');
	if (accessKeyId === null || secret === null) return null;
	const expiration = Date.parse(member('Expiration') ?? '');
	return {
		path: '<Credentials>',
		accessKeyId,
		secretField: 'SecretAccessKey',
		secret,
		sessionToken: member('SessionToken'),
		expiration: Number.isFinite(expiration) ? expiration : null
	};
}

/**
 * `text` with every occurrence of each secret replaced by as many `•`, so a body can be shown
 * without its secret until the learner asks for it.
 *
 * @example maskSecrets('{"SecretKey":"abc"}', ['abc']) // '{"SecretKey":"•••"}'
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
	return secrets
		.filter((s) => s !== '')
		.reduce((masked, secret) => masked.split(secret).join('•'.repeat(secret.length)), text);
}
