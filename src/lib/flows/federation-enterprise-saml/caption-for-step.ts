import { base64Decode, utf8Decode } from '$lib/crypto';
import type { FlowStepFacts } from '../run-machine';
import type { FederationFailure } from '../shared/oauth-refusal';
import { lingerMs } from './actors/post-saml-response';
import type { SamlSignInStepId } from './definition';
import type { SamlSignInContext } from './saml-sign-in-types';

/**
 * One or two sentences for the lesson's caption, from the real values of the run (the IdP's
 * address, the NameID, the federated username, the refusal), so the words match the exchanges.
 *
 * @example captionForStep({ step: 'post-saml-response', context, exchanges, startedAt, endedAt })
 */
export function captionForStep(facts: FlowStepFacts<SamlSignInContext>): string {
	const { context } = facts;
	const step = facts.step as SamlSignInStepId;
	const [did, answer] = captionParts(step, context, facts);
	const ended = context.failure !== null && isLastStep(facts);
	return `${did} ${ended ? refusal(context.failure!) : answer}`;
}

/** The failure belongs to the step that was current when the run stopped. */
function isLastStep({ step, context }: FlowStepFacts<SamlSignInContext>): boolean {
	const stepOfFailure: Record<SamlSignInStepId, boolean> = {
		discover: !context.server,
		authorize: !!context.server && !context.request,
		'sign-in-at-idp': !!context.request && !context.samlPost,
		'post-saml-response': !!context.samlPost && !context.callbackUrl,
		'check-callback': !!context.callbackUrl && !context.code,
		'redeem-code': !!context.code && !context.tokens,
		'user-info': !!context.tokens && !context.userInfo
	};
	return stepOfFailure[step as SamlSignInStepId] ?? false;
}

function captionParts(
	step: SamlSignInStepId,
	context: SamlSignInContext,
	facts: FlowStepFacts<SamlSignInContext>
): [string, string] {
	const { input, tokens } = context;
	const claims = tokens?.idClaims ?? {};
	switch (step) {
		case 'discover':
			return [
				`The app fetches ${input.issuer}/.well-known/openid-configuration, as oauth4webapi does. Nothing in the app knows about SAML.`,
				`The pool answers with its endpoints on its own domain: authorization at ${context.server?.authorization_endpoint}, tokens at ${context.server?.token_endpoint}.`
			];
		case 'authorize': {
			const sso = facts.exchanges.find((e) => e.request.url.includes('SAMLRequest='));
			const to = sso ? new URL(sso.request.url) : null;
			return [
				`The app sends the browser to /oauth2/authorize with identity_provider=${input.identityProvider}, a PKCE code_challenge, a state and a nonce.`,
				`Managed login sends the browser on to ${to ? to.origin + to.pathname : "the IdP's single sign-on URL"} with a SAMLRequest (its AuthnRequest, deflated and base64-encoded) and a RelayState. The IdP shows its sign-in form.`
			];
		}
		case 'sign-in-at-idp': {
			const audience = context.samlPost ? audienceOf(context.samlPost.SAMLResponse) : null;
			return [
				`The employee signs in at the IdP as ${input.login.username}.`,
				`The IdP answers with a page whose form holds a SAMLResponse signed for the audience ${audience ?? input.audience}, addressed to ${context.samlPost?.action ?? "Cognito's /saml2/idpresponse"}; its script submits the form at once.`
			];
		}
		case 'post-saml-response': {
			const edited = input.mistakes.includes('tampered-response')
				? ` The user first edited the NameID to ${input.colleague}.`
				: '';
			const late = input.mistakes.includes('assertion-expired')
				? ` The user clicks Continue ${lingerMs / 60_000} minutes later.`
				: '';
			return [
				`The browser posts SAMLResponse and RelayState to /saml2/idpresponse.${edited}${late}`,
				`Cognito checks the signature with the certificate from the IdP's metadata, then the issuer, recipient, time window, InResponseTo and audience, makes or updates the user ${input.identityProvider}_${input.login.username}, and sends the browser to ${input.redirectUri} with a code.`
			];
		}
		case 'check-callback':
			return [
				'The callback page checks that state is the one the app stored before it left, and that no error came back.',
				`It matches: the app takes the code ${context.code ?? ''} from the URL.`
			];
		case 'redeem-code':
			return [
				'The app posts the code and its PKCE code_verifier to /oauth2/token.',
				`Cognito answers with its own ID, access and refresh tokens for ${String(claims['cognito:username'] ?? `${input.identityProvider}_${input.login.username}`)}; oauth4webapi checks the ID token's issuer, audience, times and nonce.`
			];
		case 'user-info':
			return [
				'The app asks /oauth2/userInfo who signed in, with the access token.',
				`The pool answers with the attributes it mapped from the SAML assertion: email ${String(context.userInfo?.email ?? '')}, name ${String(context.userInfo?.name ?? '')}.`
			];
	}
}

/** The `<saml:Audience>` of a base64 SAML response, as the IdP wrote it. */
function audienceOf(samlResponse: string): string | null {
	const xml = utf8Decode(base64Decode(samlResponse));
	return /<saml:Audience>([^<]*)<\/saml:Audience>/.exec(xml)?.[1] ?? null;
}

const refuser: Record<FederationFailure['service'], string> = {
	'managed-login': 'Managed login refuses',
	'external-idp': 'The IdP refuses',
	'user-pool': 'The user pool refuses',
	app: 'The app refuses'
};

/** How a refusal reads in a caption: who refused, with which status, error and message. */
function refusal(failure: FederationFailure): string {
	const status = failure.status ? ` with ${failure.status}` : '';
	const message = failure.message ? `: ${failure.message}` : '';
	return `${refuser[failure.service]}${status}: ${failure.code}${message}`;
}
