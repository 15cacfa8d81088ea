/**
 * A scenario is the plain-JSON description of the simulated AWS account: ids, users, lifetimes.
 * Names follow the AWS API where one exists (`UserStatus` values, `ExplicitAuthFlows`, ...);
 * lifetimes are in seconds so a scenario never needs a `TokenValidityUnits` table.
 */
export interface Scenario {
	region: string;
	accountId: string;
	userPool: UserPoolScenario;
	identityPool: IdentityPoolScenario;
	iam: IamScenario;
	s3: S3Scenario;
	/** Systems Manager Parameter Store; absent when the scenario has no parameters. */
	ssm?: SsmScenario;
	/** The simulated social provider (shaped like Google); absent: no social sign-in. */
	socialProvider?: SocialProviderScenario;
	/** The simulated enterprise SAML IdP at `idp.example.com`; absent: no SAML sign-in. */
	samlIdp?: SamlIdpScenario;
}

/** The SAML IdP's side: its users, and the service providers (entity id, ACS) it trusts. */
export interface SamlIdpScenario {
	users: SamlIdpUserScenario[];
	serviceProviders: SamlServiceProviderScenario[];
}

/** A service provider registered at the IdP, as an IdP admin sets up an app. */
export interface SamlServiceProviderScenario {
	/** The SP's entity id: the AuthnRequest's Issuer it is known by. */
	entityId: string;
	/** Its assertion consumer service: the only address answers are posted to. */
	acsUrl: string;
	/**
	 * The Audience URI the admin typed for the app, when it is not the entity id: a typo here is
	 * the classic "audience mismatch" (Cognito's must be `urn:amazon:cognito:sp:<pool id>`).
	 */
	audience?: string;
}

/** A user of the enterprise directory. */
export interface SamlIdpUserScenario {
	/** The `NameID` the IdP asserts (email format): Cognito's key for the user, case-sensitive. */
	nameId: string;
	/** Demo data only. */
	password: string;
	/** SAML attributes by name, e.g. `http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress`. */
	attributes: Record<string, string>;
}

/** The social provider's side: its accounts, and the OAuth clients registered with it. */
export interface SocialProviderScenario {
	accounts: SocialAccountScenario[];
	clients: { clientId: string; clientSecret: string; redirectUris: string[] }[];
}

/** An account at the social provider. `sub` is its stable numeric id (use it, not the email). */
export interface SocialAccountScenario {
	sub: string;
	email: string;
	emailVerified: boolean;
	name: string;
	givenName: string;
	familyName: string;
	/** Demo data only. */
	password: string;
}

/** An identity provider the user pool federates with (CreateIdentityProvider). */
export type UserPoolIdentityProviderScenario =
	GoogleIdentityProviderScenario | SamlIdentityProviderScenario;

/** The `Google` type: Google's endpoints are fixed and the pool holds only its client at Google. */
export interface GoogleIdentityProviderScenario {
	providerName: string;
	providerType: 'Google';
	clientId: string;
	clientSecret: string;
	/** Space-separated scopes Cognito asks the provider for. */
	authorizeScopes: string;
	/** `AttributeMapping`: user-pool attribute → the provider's claim. */
	attributeMapping: Record<string, string>;
}

/**
 * The `SAML` type: `ProviderDetails.MetadataURL`, where Cognito reads the IdP's entity id,
 * single sign-on address and signing certificates. The user's id is the assertion's `NameID`.
 */
export interface SamlIdentityProviderScenario {
	providerName: string;
	providerType: 'SAML';
	metadataUrl: string;
	/** `IdpIdentifiers`: other names an app may give as `idp_identifier` (e.g. an email domain). */
	idpIdentifiers?: string[];
	/** `AttributeMapping`: user-pool attribute → the SAML attribute's name. */
	attributeMapping: Record<string, string>;
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
	/** Custom scopes for the OAuth endpoints; none when absent. */
	resourceServers?: ResourceServerScenario[];
	/** Identity providers the pool federates with; none when absent. */
	identityProviders?: UserPoolIdentityProviderScenario[];
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
	/**
	 * The OAuth grants managed login allows this client (`AllowedOAuthFlows`). Absent or empty:
	 * the client cannot use managed login or `/oauth2/token` (`AllowedOAuthFlowsUserPoolClient`
	 * false). `client_credentials` needs a secret and cannot be combined with the other two.
	 */
	allowedOAuthFlows?: OAuthFlow[];
	/** `AllowedOAuthScopes`: reserved scopes and `<resource server>/<scope>`. */
	allowedOAuthScopes?: string[];
	/** `SupportedIdentityProviders`: `COGNITO` for the pool's own users, or an IdP's name. */
	supportedIdentityProviders?: string[];
}

export type OAuthFlow = 'code' | 'implicit' | 'client_credentials';

/** An API's scopes, granted in access tokens as `<identifier>/<scope name>`. */
export interface ResourceServerScenario {
	identifier: string;
	name: string;
	scopes: { name: string; description: string }[];
}

export interface GroupScenario {
	name: string;
	precedence: number;
	roleArn?: string;
	description?: string;
}

export type UserStatus =
	| 'CONFIRMED'
	| 'UNCONFIRMED'
	| 'FORCE_CHANGE_PASSWORD'
	| 'RESET_REQUIRED'
	/** A user Cognito created at a federated sign-in: no password in the pool. */
	| 'EXTERNAL_PROVIDER';

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

/**
 * An identity pool as `DescribeIdentityPool` and `GetIdentityPoolRoles` describe it (member names
 * in lower camel case).
 */
export interface IdentityPoolScenario {
	/** `<region>:<uuid>`. */
	id: string;
	name: string;
	/** Guests (`GetId` without `Logins`) allowed. */
	allowUnauthenticatedIdentities: boolean;
	/** The basic (classic) flow: `GetOpenIdToken` then STS. */
	allowClassicFlow: boolean;
	/** User pools and their app clients this pool trusts. */
	cognitoIdentityProviders: CognitoIdentityProviderScenario[];
	/**
	 * `SupportedLoginProviders`: a social provider's Logins key and the app's client id there,
	 * e.g. `{"accounts.google.com": "<client id>.apps.googleusercontent.com"}`; none when absent.
	 */
	supportedLoginProviders?: Record<string, string>;
	/** `DeveloperProviderName`, e.g. `login.flowlab.app`; absent when the pool has none. */
	developerProviderName?: string;
	/** The default roles (`SetIdentityPoolRoles` `Roles`). */
	roles: { authenticated?: string; unauthenticated?: string };
	/** Keyed by provider, e.g. `cognito-idp.us-east-1.amazonaws.com/us-east-1_X:<clientId>`. */
	roleMappings: Record<string, RoleMappingScenario>;
	/** Identities that exist before the run (returning users); none when absent. */
	identities?: IdentityScenario[];
}

/** An identity as `DescribeIdentity` shows it: its id and the logins linked to it. */
export interface IdentityScenario {
	/** `<region>:<uuid>`. */
	id: string;
	/** Provider name → login id, e.g. `{ "login.flowlab.app": "user-1002" }`. */
	logins: Record<string, string>;
}

export interface CognitoIdentityProviderScenario {
	/** `cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
	providerName: string;
	clientId: string;
	serverSideTokenCheck: boolean;
}

export interface RoleMappingScenario {
	type: 'Token' | 'Rules';
	ambiguousRoleResolution: 'AuthenticatedRole' | 'Deny';
	rules?: MappingRuleScenario[];
}

export interface MappingRuleScenario {
	claim: string;
	matchType: 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual';
	value: string;
	roleArn: string;
}

/** IAM as JSON policy documents, exactly as the IAM console shows them. */
export interface IamScenario {
	roles: IamRoleScenario[];
	users: IamUserScenario[];
}

/** A policy document: `Version` and `Statement` as IAM writes them. */
export interface PolicyDocument {
	Version: '2012-10-17' | '2008-10-17';
	Statement: PolicyStatement[];
}

export interface PolicyStatement {
	Sid?: string;
	Effect: 'Allow' | 'Deny';
	Principal?: '*' | Record<string, string | string[]>;
	Action?: string | string[];
	NotAction?: string | string[];
	Resource?: string | string[];
	NotResource?: string | string[];
	/** Operator (with an optional `ForAnyValue:`/`ForAllValues:` prefix or `IfExists` suffix) to key to values. */
	Condition?: Record<string, Record<string, string | string[] | boolean>>;
}

export interface IamRoleScenario {
	name: string;
	/** `arn:aws:iam::<account>:role/<name>`. */
	arn: string;
	/** `AROA` followed by 17 characters, used in `AssumedRoleId`. */
	roleId: string;
	/** The trust policy. */
	assumeRolePolicyDocument: PolicyDocument;
	/** Inline permission policies, by name. */
	policies: Record<string, PolicyDocument>;
	/** Seconds, 3600 to 43200. */
	maxSessionDuration: number;
}

export interface IamUserScenario {
	name: string;
	arn: string;
	/** Long-term keys: `AKIA` + 16 characters, and a 40-character secret. Demo data only. */
	accessKeys: { accessKeyId: string; secretAccessKey: string }[];
	policies: Record<string, PolicyDocument>;
}

export interface S3Scenario {
	buckets: BucketScenario[];
}

export interface BucketScenario {
	name: string;
	objects: S3ObjectScenario[];
}

export interface S3ObjectScenario {
	key: string;
	body: string;
	contentType: string;
}

/** Parameter Store as `GetParameter` returns it (member names in lower camel case). */
export interface SsmScenario {
	parameters: SsmParameterScenario[];
}

export interface SsmParameterScenario {
	/** `/a/b` or `name`; the ARN drops the leading slash: `arn:aws:ssm:<region>:<account>:parameter/a/b`. */
	name: string;
	/** `SecureString` values are not simulated (no KMS). */
	type: 'String' | 'StringList';
	value: string;
}
