/**
 * A scenario is the plain-JSON description of the simulated AWS account: ids, users, lifetimes.
 * Names follow the AWS API where one exists (`UserStatus` values, `ExplicitAuthFlows`, ...);
 * lifetimes are in seconds so a scenario never needs a `TokenValidityUnits` table.
 */
export interface Scenario {
	region: string;
	accountId: string;
	userPool: UserPoolScenario;
}

export interface UserPoolScenario {
	/** `<region>_<alphanumerics>`, e.g. `us-east-1_FlowLab01`. */
	id: string;
	name: string;
	/** Prefix of the managed-login domain: `<prefix>.auth.<region>.amazoncognito.com`. */
	domainPrefix: string;
	mfaConfiguration: 'OFF' | 'ON' | 'OPTIONAL';
	passwordPolicy: PasswordPolicy;
	clients: AppClientScenario[];
	groups: GroupScenario[];
	users: UserScenario[];
}

export interface PasswordPolicy {
	minimumLength: number;
	requireUppercase: boolean;
	requireLowercase: boolean;
	requireNumbers: boolean;
	requireSymbols: boolean;
}

export type ExplicitAuthFlow =
	| 'ALLOW_USER_SRP_AUTH'
	| 'ALLOW_USER_PASSWORD_AUTH'
	| 'ALLOW_REFRESH_TOKEN_AUTH'
	| 'ALLOW_CUSTOM_AUTH'
	| 'ALLOW_ADMIN_USER_PASSWORD_AUTH';

export interface AppClientScenario {
	/** 26 lowercase alphanumerics on AWS. */
	id: string;
	name: string;
	/** `null` for a public client (browser, mobile). */
	secret: string | null;
	explicitAuthFlows: ExplicitAuthFlow[];
	preventUserExistenceErrors: 'ENABLED' | 'LEGACY';
	enableTokenRevocation: boolean;
	/** Seconds; AWS allows 5 minutes to 1 day. */
	idTokenValidity: number;
	/** Seconds; AWS allows 5 minutes to 1 day. */
	accessTokenValidity: number;
	/** Seconds; AWS allows 60 minutes to 10 years. */
	refreshTokenValidity: number;
	/** Minutes a challenge `Session` stays valid; AWS allows 3 to 15. */
	authSessionValidity: number;
	callbackUrls: string[];
	logoutUrls: string[];
}

export interface GroupScenario {
	name: string;
	precedence: number;
	roleArn?: string;
	description?: string;
}

export type UserStatus = 'CONFIRMED' | 'UNCONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'RESET_REQUIRED';

export interface UserScenario {
	username: string;
	/** The user's immutable id (UUID). */
	sub: string;
	/** The password (or temporary password for FORCE_CHANGE_PASSWORD). Demo data only. */
	password: string;
	status: UserStatus;
	enabled: boolean;
	/** Attribute name to string value, as GetUser returns them (`email_verified` is `"true"`). */
	attributes: Record<string, string>;
	groups: string[];
	/** Base32 TOTP secret when the user has software-token MFA set up and preferred. */
	totpSecret?: string;
}
