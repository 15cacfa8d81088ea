import type { JSONWebKeySet } from 'jose';
import type { Random } from '../random';
import type { IamRoleScenario, IamUserScenario, PolicyDocument, Scenario } from '../scenario/types';

/**
 * Temporary credentials as STS (directly, or for the identity pool) issued them, with what the
 * services that receive them need: who they act as, until when, and the request context IAM
 * evaluates their policies in.
 */
export interface TemporaryCredentials {
	/** `ASIA` + 16 characters. */
	accessKeyId: string;
	/** 40 characters. */
	secretAccessKey: string;
	/** Opaque base64; every signed request must carry it (`X-Amz-Security-Token`). */
	sessionToken: string;
	/** Epoch ms. */
	expiration: number;
	roleArn: string;
	roleSessionName: string;
	/** `<role id>:<session name>`. */
	assumedRoleId: string;
	/** `arn:aws:sts::<account>:assumed-role/<role name>/<session name>`. */
	assumedRoleArn: string;
	/**
	 * Condition keys fixed when the role was assumed, e.g. `cognito-identity.amazonaws.com:sub`,
	 * `:aud` and `:amr` (multi-valued), resolved in policies as `${...}` variables too.
	 */
	context: Record<string, string | string[]>;
	/** A session policy that narrows the role (the enhanced flow's guest scope-down). */
	sessionPolicy?: PolicyDocument;
}

export type IssueCredentialsInput = Omit<
	TemporaryCredentials,
	'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'assumedRoleId' | 'assumedRoleArn'
>;

/** Who signed a request: a long-term IAM user key, or temporary credentials of an assumed role. */
export type AccessKeyOwner =
	| { kind: 'user'; user: IamUserScenario; secretAccessKey: string }
	| { kind: 'assumed-role'; credentials: TemporaryCredentials; role: IamRoleScenario };

/**
 * The one AWS account every service shares (cognito.md §8–9): IAM roles and users from the
 * scenario, the temporary credentials issued while the cloud runs, and every issuer's public
 * keys, so the identity pool can check a user pool's token and S3 can check any signature.
 */
export interface Account {
	readonly id: string;
	readonly region: string;
	role(arn: string): IamRoleScenario | undefined;
	/** Issues temporary credentials for a role (STS and the identity pool both call this). */
	issueCredentials(input: IssueCredentialsInput): TemporaryCredentials;
	/** The owner of an access key id, long-term or temporary; `undefined` for an unknown key. */
	accessKeyOwner(accessKeyId: string): AccessKeyOwner | undefined;
	/**
	 * Registers the published keys of an issuer (`iss`), fetched lazily (keys come on first use),
	 * and the audiences its tokens are issued for (app client ids, an identity pool id), which the
	 * inspector accepts in `aud` / `client_id`.
	 */
	registerIssuer(
		issuer: string,
		jwks: () => Promise<JSONWebKeySet>,
		audiences?: readonly string[]
	): void;
	/** The keys of a registered issuer, or `undefined` for one this account does not know. */
	issuerKeys(issuer: string): Promise<JSONWebKeySet> | undefined;
	/** The audiences registered with an issuer (none for one registered without). */
	issuerAudiences(issuer: string): readonly string[];
	/** Issuers registered so far. */
	readonly issuers: readonly string[];
}

const upperAlnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const secretAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function createAccount(scenario: Scenario, random: Random): Account {
	const roles = new Map(scenario.iam.roles.map((r) => [r.arn, r]));
	const userKeys = new Map(
		scenario.iam.users.flatMap((user) =>
			user.accessKeys.map((k) => [k.accessKeyId, { user, secret: k.secretAccessKey }] as const)
		)
	);
	const issued = new Map<string, TemporaryCredentials>();
	const issuerKeys = new Map<string, () => Promise<JSONWebKeySet>>();
	const fetched = new Map<string, Promise<JSONWebKeySet>>();
	const audiences = new Map<string, readonly string[]>();
	const pick = (alphabet: string, length: number) =>
		Array.from(random.bytes(length), (b) => alphabet[b % alphabet.length]).join('');

	return {
		id: scenario.accountId,
		region: scenario.region,
		role: (arn) => roles.get(arn),
		issueCredentials(input) {
			const role = roles.get(input.roleArn);
			const roleName = input.roleArn.slice(input.roleArn.lastIndexOf('/') + 1);
			const credentials: TemporaryCredentials = {
				...input,
				accessKeyId: `ASIA${pick(upperAlnum, 16)}`,
				secretAccessKey: pick(secretAlphabet, 40),
				// Opaque to every client; real ones are long base64 blobs of no documented shape.
				sessionToken: btoa(String.fromCharCode(...random.bytes(96))),
				assumedRoleId: `${role?.roleId ?? 'AROA'}:${input.roleSessionName}`,
				assumedRoleArn: `arn:aws:sts::${scenario.accountId}:assumed-role/${roleName}/${input.roleSessionName}`
			};
			issued.set(credentials.accessKeyId, credentials);
			return credentials;
		},
		accessKeyOwner(accessKeyId) {
			const long = userKeys.get(accessKeyId);
			if (long) return { kind: 'user', user: long.user, secretAccessKey: long.secret };
			const credentials = issued.get(accessKeyId);
			const role = credentials && roles.get(credentials.roleArn);
			return credentials && role ? { kind: 'assumed-role', credentials, role } : undefined;
		},
		registerIssuer(issuer, jwks, issuerAudiences = []) {
			issuerKeys.set(issuer, jwks);
			audiences.set(issuer, [...issuerAudiences]);
		},
		issuerKeys(issuer) {
			const load = issuerKeys.get(issuer);
			if (!load) return undefined;
			if (!fetched.has(issuer)) fetched.set(issuer, load());
			return fetched.get(issuer);
		},
		issuerAudiences: (issuer) => audiences.get(issuer) ?? [],
		get issuers() {
			return [...issuerKeys.keys()];
		}
	};
}
