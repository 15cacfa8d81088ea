import type { PolicyDocument, Scenario } from './types';

const identityPoolId = 'us-east-1:7c1d5b2e-4f3a-4e8b-9a6d-0f1e2d3c4b5a';
const bucket = 'flow-lab-notes';
/** The pool's OAuth client at the simulated Google. */
const googleClientId = '123456789012-flowlab.apps.googleusercontent.com';
/** The app's own client at the simulated Google, for sign-in without a user pool. */
const appGoogleClientId = '123456789012-flowlabwebapp.apps.googleusercontent.com';
/** The names of the claims the enterprise IdP sends, as AD FS and Entra ID name them. */
const claims = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';

/** The trust policy of an identity-pool role, with both conditions AWS asks for (§8.4). */
const trustCognitoIdentity = (amr: 'authenticated' | 'unauthenticated'): PolicyDocument => ({
	Version: '2012-10-17',
	Statement: [
		{
			Effect: 'Allow',
			Principal: { Federated: 'cognito-identity.amazonaws.com' },
			Action: 'sts:AssumeRoleWithWebIdentity',
			Condition: {
				StringEquals: { 'cognito-identity.amazonaws.com:aud': identityPoolId },
				'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr }
			}
		}
	]
});

/**
 * The scenario every page starts from. The demo users and passwords are documented in the README so
 * an instructor can hand them out; the TOTP secret can be added to a real authenticator app.
 */
export const defaultScenario: Scenario = {
	region: 'us-east-1',
	accountId: '111122223333',
	userPool: {
		id: 'us-east-1_FlowLab01',
		name: 'flow-lab-users',
		domainPrefix: 'flow-lab',
		mfaConfiguration: 'OPTIONAL',
		passwordPolicy: {
			minimumLength: 8,
			requireUppercase: true,
			requireLowercase: true,
			requireNumbers: true,
			requireSymbols: true
		},
		clients: [
			{
				id: '3n4flowlab5webclient6a7b8c',
				name: 'web-app',
				secret: null,
				explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
				preventUserExistenceErrors: 'ENABLED',
				enableTokenRevocation: true,
				idTokenValidity: 3600,
				accessTokenValidity: 3600,
				refreshTokenValidity: 30 * 24 * 3600,
				authSessionValidity: 3,
				callbackUrls: ['https://app.example.com/callback'],
				logoutUrls: ['https://app.example.com/'],
				allowedOAuthFlows: ['code'],
				allowedOAuthScopes: ['openid', 'email', 'profile', 'flow-lab/notes.read'],
				supportedIdentityProviders: ['COGNITO', 'Google', 'ExampleCorp']
			},
			{
				id: '5s6flowlab7server8client9d',
				name: 'server-app',
				secret: '1q2w3e4r5t6y7u8i9o0pflowlabdemosecretdonotuse00',
				explicitAuthFlows: [
					'ALLOW_USER_SRP_AUTH',
					'ALLOW_USER_PASSWORD_AUTH',
					'ALLOW_REFRESH_TOKEN_AUTH'
				],
				preventUserExistenceErrors: 'ENABLED',
				enableTokenRevocation: true,
				idTokenValidity: 3600,
				accessTokenValidity: 3600,
				refreshTokenValidity: 30 * 24 * 3600,
				authSessionValidity: 3,
				callbackUrls: ['https://api.example.com/callback'],
				logoutUrls: ['https://api.example.com/']
			},
			{
				// A machine-to-machine client: no user, an access token for the notes API's scope.
				id: '7m8flowlab9notesworker0e1f',
				name: 'notes-worker',
				secret: '2w3e4r5t6y7u8i9o0pflowlabworkersecretdonotuse11',
				explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
				preventUserExistenceErrors: 'ENABLED',
				enableTokenRevocation: true,
				idTokenValidity: 3600,
				accessTokenValidity: 3600,
				refreshTokenValidity: 30 * 24 * 3600,
				authSessionValidity: 3,
				callbackUrls: [],
				logoutUrls: [],
				allowedOAuthFlows: ['client_credentials'],
				allowedOAuthScopes: ['flow-lab/notes.read']
			}
		],
		identityProviders: [
			{
				providerName: 'Google',
				providerType: 'Google',
				clientId: googleClientId,
				clientSecret: 'GOCSPX-flowlab-demo-secret-do-not-use',
				authorizeScopes: 'openid email profile',
				attributeMapping: {
					username: 'sub',
					email: 'email',
					email_verified: 'email_verified',
					name: 'name',
					given_name: 'given_name',
					family_name: 'family_name'
				}
			},
			{
				// An enterprise directory by SAML 2.0: Cognito reads the IdP's metadata from its URL.
				providerName: 'ExampleCorp',
				providerType: 'SAML',
				metadataUrl: 'https://idp.example.com/metadata',
				idpIdentifiers: ['example.com'],
				attributeMapping: {
					email: `${claims}/emailaddress`,
					given_name: `${claims}/givenname`,
					family_name: `${claims}/surname`,
					name: `${claims}/name`
				}
			}
		],
		resourceServers: [
			{
				identifier: 'flow-lab',
				name: 'Flow Lab notes API',
				scopes: [{ name: 'notes.read', description: 'Read your notes' }]
			}
		],
		groups: [
			{
				name: 'editors',
				precedence: 1,
				roleArn: 'arn:aws:iam::111122223333:role/FlowLabEditors',
				description: 'Can change articles'
			},
			{ name: 'readers', precedence: 10, description: 'Can read articles' }
		],
		users: [
			{
				username: 'alice',
				sub: 'a11ce000-1111-4aaa-8aaa-000000000001',
				password: 'Correct-Horse-42',
				status: 'CONFIRMED',
				enabled: true,
				attributes: { email: 'alice@example.com', email_verified: 'true', name: 'Alice Example' },
				groups: ['editors', 'readers']
			},
			{
				username: 'bob',
				sub: 'b0b00000-2222-4bbb-8bbb-000000000002',
				password: 'Battery-Staple-42',
				status: 'CONFIRMED',
				enabled: true,
				attributes: { email: 'bob@example.com', email_verified: 'true', name: 'Bob Example' },
				groups: ['readers'],
				totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
			},
			{
				username: 'carol',
				sub: 'ca401000-3333-4ccc-8ccc-000000000003',
				password: 'Temporary-Pass-42',
				status: 'FORCE_CHANGE_PASSWORD',
				enabled: true,
				attributes: { email: 'carol@example.com', email_verified: 'true' },
				groups: []
			},
			{
				username: 'dave',
				sub: 'da7e0000-4444-4ddd-8ddd-000000000004',
				password: 'Unconfirmed-Pass-42',
				status: 'UNCONFIRMED',
				enabled: true,
				attributes: { email: 'dave@example.com', email_verified: 'false' },
				groups: []
			}
		]
	},
	identityPool: {
		id: identityPoolId,
		name: 'flow-lab-identities',
		allowUnauthenticatedIdentities: true,
		allowClassicFlow: true,
		cognitoIdentityProviders: [
			{
				providerName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_FlowLab01',
				clientId: '3n4flowlab5webclient6a7b8c',
				serverSideTokenCheck: false
			}
		],
		// The app's own client at Google: a Google ID token straight to the identity pool.
		supportedLoginProviders: { 'accounts.google.com': appGoogleClientId },
		developerProviderName: 'login.flowlab.app',
		roles: {
			authenticated: 'arn:aws:iam::111122223333:role/FlowLabAuthenticated',
			unauthenticated: 'arn:aws:iam::111122223333:role/FlowLabGuest'
		},
		roleMappings: {}
	},
	iam: {
		roles: [
			{
				name: 'FlowLabAuthenticated',
				arn: 'arn:aws:iam::111122223333:role/FlowLabAuthenticated',
				roleId: 'AROAFLOWLABAUTHENTIC1',
				assumeRolePolicyDocument: trustCognitoIdentity('authenticated'),
				policies: {
					'own-notes': {
						Version: '2012-10-17',
						Statement: [
							{
								Sid: 'ListOwnPrefix',
								Effect: 'Allow',
								Action: 's3:ListBucket',
								Resource: `arn:aws:s3:::${bucket}`,
								Condition: {
									StringLike: { 's3:prefix': 'private/${cognito-identity.amazonaws.com:sub}/*' }
								}
							},
							{
								Sid: 'ReadWriteOwnPrefix',
								Effect: 'Allow',
								Action: ['s3:GetObject', 's3:PutObject'],
								Resource: `arn:aws:s3:::${bucket}/private/\${cognito-identity.amazonaws.com:sub}/*`
							},
							{
								Sid: 'ReadPublic',
								Effect: 'Allow',
								Action: 's3:GetObject',
								Resource: `arn:aws:s3:::${bucket}/public/*`
							}
						]
					}
				},
				maxSessionDuration: 3600
			},
			{
				name: 'FlowLabGuest',
				arn: 'arn:aws:iam::111122223333:role/FlowLabGuest',
				roleId: 'AROAFLOWLABGUESTROLE1',
				assumeRolePolicyDocument: trustCognitoIdentity('unauthenticated'),
				policies: {
					'read-public': {
						Version: '2012-10-17',
						Statement: [
							{
								Sid: 'ReadPublic',
								Effect: 'Allow',
								Action: 's3:GetObject',
								Resource: `arn:aws:s3:::${bucket}/public/*`
							}
						]
					}
				},
				maxSessionDuration: 3600
			},
			{
				// The editors group's role (`cognito:roles` in their tokens): a role mapping can give it
				// to editors; the enhanced flow's writable-attribute mistake shows who else can get it.
				name: 'FlowLabEditors',
				arn: 'arn:aws:iam::111122223333:role/FlowLabEditors',
				roleId: 'AROAFLOWLABEDITORS001',
				assumeRolePolicyDocument: trustCognitoIdentity('authenticated'),
				policies: {
					'all-notes': {
						Version: '2012-10-17',
						Statement: [
							{
								Sid: 'ListAllNotes',
								Effect: 'Allow',
								Action: 's3:ListBucket',
								Resource: `arn:aws:s3:::${bucket}`,
								Condition: { StringLike: { 's3:prefix': 'private/*' } }
							},
							{
								Sid: 'ReadAllNotes',
								Effect: 'Allow',
								Action: 's3:GetObject',
								Resource: `arn:aws:s3:::${bucket}/private/*`
							},
							{
								Sid: 'WriteOwnPrefix',
								Effect: 'Allow',
								Action: 's3:PutObject',
								Resource: `arn:aws:s3:::${bucket}/private/\${cognito-identity.amazonaws.com:sub}/*`
							}
						]
					}
				},
				maxSessionDuration: 3600
			}
		],
		users: [
			{
				name: 'flow-lab-back-end',
				arn: 'arn:aws:iam::111122223333:user/flow-lab-back-end',
				accessKeys: [
					{
						accessKeyId: 'AKIAFLOWLABBACKEND01',
						secretAccessKey: 'fLowLabDemoBackEndSecret/DoNotUse/000042'
					}
				],
				policies: {
					'developer-identities': {
						Version: '2012-10-17',
						Statement: [
							{
								Effect: 'Allow',
								Action: [
									'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
									'cognito-identity:LookupDeveloperIdentity'
								],
								Resource: `arn:aws:cognito-identity:us-east-1:111122223333:identitypool/${identityPoolId}`
							}
						]
					}
				}
			}
		]
	},
	s3: {
		buckets: [
			{
				name: bucket,
				objects: [
					{
						key: 'public/welcome.txt',
						body: 'Welcome to Flow Lab. Anyone with the guest role may read this.\n',
						contentType: 'text/plain'
					}
				]
			}
		]
	},
	ssm: {
		parameters: [
			{
				name: '/flow-lab/banner',
				type: 'String',
				value: 'Flow Lab is open to guests: read the public notes, sign in to write your own.'
			}
		]
	},
	// The simulated Google. Alice has an account there under the same email as her pool user: a
	// federated sign-in makes a second, separate user until the two are linked.
	socialProvider: {
		accounts: [
			{
				sub: '110169484474386276334',
				email: 'alice@example.com',
				emailVerified: true,
				name: 'Alice Example',
				givenName: 'Alice',
				familyName: 'Example',
				password: 'Google-Alice-42'
			},
			{
				sub: '104712036650935883421',
				email: 'dana@example.com',
				emailVerified: true,
				name: 'Dana Example',
				givenName: 'Dana',
				familyName: 'Example',
				password: 'Google-Dana-42'
			}
		],
		clients: [
			{
				clientId: appGoogleClientId,
				clientSecret: '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t-use',
				redirectUris: ['https://app.example.com/google-callback']
			},
			{
				clientId: googleClientId,
				clientSecret: 'GOCSPX-flowlab-demo-secret-do-not-use',
				redirectUris: ['https://flow-lab.auth.us-east-1.amazoncognito.com/oauth2/idpresponse']
			}
		]
	},
	// The enterprise SAML IdP of ExampleCorp at idp.example.com. It trusts the user pool as a
	// service provider (entity id `urn:amazon:cognito:sp:<pool id>`, Cognito's ACS).
	samlIdp: {
		users: [
			{
				nameId: 'jdoe@example.com',
				password: 'ExampleCorp-Jdoe-42',
				attributes: {
					[`${claims}/emailaddress`]: 'jdoe@example.com',
					[`${claims}/givenname`]: 'John',
					[`${claims}/surname`]: 'Doe',
					[`${claims}/name`]: 'John Doe'
				}
			},
			{
				nameId: 'rroe@example.com',
				password: 'ExampleCorp-Rroe-42',
				attributes: {
					[`${claims}/emailaddress`]: 'rroe@example.com',
					[`${claims}/givenname`]: 'Richard',
					[`${claims}/surname`]: 'Roe',
					[`${claims}/name`]: 'Richard Roe'
				}
			}
		],
		serviceProviders: [
			{
				entityId: 'urn:amazon:cognito:sp:us-east-1_FlowLab01',
				acsUrl: 'https://flow-lab.auth.us-east-1.amazoncognito.com/saml2/idpresponse'
			}
		]
	}
};
