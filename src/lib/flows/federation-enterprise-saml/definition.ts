import { actor } from '../actors';
import type { FlowDefinition } from '../types';

/**
 * Sign-in with ExampleCorp's SAML 2.0 identity provider through the user pool's managed login:
 * the app sends the browser to `/oauth2/authorize` with `identity_provider=ExampleCorp`, Cognito
 * sends it on to the IdP with a `SAMLRequest`, the user signs in there, the IdP's page posts a
 * signed `SAMLResponse` to Cognito's `/saml2/idpresponse`, Cognito checks it, makes or updates the
 * user `ExampleCorp_<NameID>` and sends the browser back with a code, which the app redeems with
 * its PKCE verifier for Cognito's tokens. The app side is oauth4webapi: to the app, this is the
 * same OAuth flow as a Google sign-in.
 */
export const definition = {
	id: 'federation-enterprise-saml',
	title: 'Sign in with an enterprise SAML IdP through a user pool',
	actors: [
		actor('app'),
		actor('browser'),
		actor('managed-login'),
		actor('external-idp'),
		actor('user-pool')
	],
	steps: [
		{ id: 'discover', title: "Read the pool's OpenID configuration" },
		{ id: 'authorize', title: 'Send the browser to /oauth2/authorize and on to the IdP' },
		{ id: 'sign-in-at-idp', title: "Sign in at ExampleCorp's IdP" },
		{ id: 'post-saml-response', title: 'The browser posts the SAML response to Cognito' },
		{ id: 'check-callback', title: 'Check the callback', actor: 'app' },
		{ id: 'redeem-code', title: 'Redeem the code with the PKCE verifier' },
		{ id: 'user-info', title: 'Ask /oauth2/userInfo who signed in' }
	],
	mistakes: [
		{
			id: 'wrong-audience',
			title: 'SAML response for another audience',
			step: 'post-saml-response',
			summary:
				"ExampleCorp's IdP admin typed the pool id wrong in the Audience URI: the IdP signs an assertion for urn:amazon:cognito:sp:us-east-1_FlowLab1."
		},
		{
			id: 'tampered-response',
			title: 'SAML response edited in the browser',
			step: 'post-saml-response',
			summary:
				"Before the form posts, the user edits the SAMLResponse in the browser and puts a colleague's email in the NameID."
		},
		{
			id: 'assertion-expired',
			title: 'SAML response posted too late',
			step: 'post-saml-response',
			summary:
				"The IdP's page waits for a click (no script), and the user clicks Continue six minutes later, after the assertion's NotOnOrAfter."
		}
	],
	choices: [
		{
			id: 'user',
			label: 'ExampleCorp employee',
			default: 'jdoe',
			options: [
				{ value: 'jdoe', label: 'jdoe@example.com', description: 'John Doe' },
				{ value: 'rroe', label: 'rroe@example.com', description: 'Richard Roe' }
			]
		}
	],
	trusts: ['user-pool']
} as const satisfies FlowDefinition;

export type SamlSignInStepId = (typeof definition.steps)[number]['id'];
export type SamlSignInMistakeId = (typeof definition.mistakes)[number]['id'];
