import { createAccount, type Account } from './account';
import { createCollectorService, type CollectorService } from './attacker';
import { backEndHost } from './back-end/back-end-host';
import { createClock, type Clock, type ClockOptions } from './clock';
import type { ActorId } from './exchange';
import type { IdentityPool, IdentityPoolKeys } from './identity-pool';
import { createExchangeLog, type ExchangeLog } from './exchange-log';
import { createNetwork, type CloudFetch, type Sender } from './network';
import { createRandom, type Random } from './random';
import { resolveScenario, type Scenario } from './scenario';
import type { ServiceContext } from './service';
import { matchesSamlIdpHost } from './saml-idp-host';
import type { SocialProvider } from './social-provider';
import { matchesSocialProviderHost, socialProviderIssuers } from './social-provider-hosts';
import { matchesStsHost } from './sts/sts-host';
import { createUserPoolService, type UserPoolKeys, type UserPoolService } from './user-pool';
import { createUserPoolModel } from './user-pool/model';
import type { WireRequest, WireResponse } from './wire/http-message';

export interface CloudOptions {
	clock?: Clock | ClockOptions;
	random?: Random;
	/** Fixed signing keys (tests); by default each cloud generates its own on first use. */
	userPoolKeys?: UserPoolKeys;
	/** The identity pool's fixed signing key (tests); by default generated on its first token. */
	identityPoolKeys?: IdentityPoolKeys;
}

export interface Cloud {
	readonly scenario: Scenario;
	readonly clock: Clock;
	readonly log: ExchangeLog;
	/** Sends a request from the app in the browser. */
	fetch: CloudFetch;
	/** A `fetch` whose exchanges are drawn as coming from `actor` (e.g. `back-end`). */
	fetchAs(actor: ActorId): CloudFetch;
	/**
	 * Sends a plain request: what a client that needs every header uses (`Set-Cookie` and
	 * `Cookie` survive here, not through a platform `Response` in a browser).
	 */
	send(request: WireRequest, sender?: Sender): Promise<WireResponse>;
	/** The account the services share: IAM, credentials issued, issuers' keys. */
	readonly account: Account;
	readonly userPool: UserPoolService;
	/** The attacker's collector at `attacker.example`, for the "what if" mistakes. */
	readonly collector: CollectorService;
}

/**
 * Builds a simulated AWS account from a scenario. Synchronous and cheap: keys are generated
 * lazily, on the first request that needs them, so creating a cloud never delays a first paint.
 *
 * @example
 * const cloud = createCloud();
 * const res = await cloud.fetch('https://cognito-idp.us-east-1.amazonaws.com/', { method: 'POST', ... });
 */
export function createCloud(scenario?: unknown, options: CloudOptions = {}): Cloud {
	const resolved = resolveScenario(scenario);
	const clock = isClock(options.clock) ? options.clock : createClock(options.clock);
	const random = options.random ?? createRandom();
	const log = createExchangeLog();
	const network = createNetwork(clock, log);
	const account = createAccount(resolved, random);
	const context: ServiceContext = { scenario: resolved, clock, random, account };

	// Managed login shares the pool's state (users, lockout, keys, refresh tokens) with its API.
	const userPoolModel = createUserPoolModel(context, { keys: options.userPoolKeys });
	const userPool = createUserPoolService(context, { model: userPoolModel });
	network.register(userPool);
	const loginHost = new URL(userPoolModel.domain).host;
	network.register({
		actor: 'managed-login',
		matches: (url) => url.protocol === 'https:' && url.host === loginHost,
		load: () =>
			import('./managed-login').then((m) => m.createManagedLoginService(context, userPoolModel))
	});
	account.registerIssuer(
		userPool.issuer,
		() => userPool.jwks(),
		resolved.userPool.clients.map((c) => c.id)
	);
	// The identity pool, its key host and its issuer share one lazily imported module: a page whose
	// flow never calls it never downloads it.
	let identityPool: Promise<IdentityPool> | undefined;
	const loadIdentityPool = () =>
		(identityPool ??= import('./identity-pool').then((m) =>
			m.createIdentityPool(context, {
				keys: options.identityPoolKeys,
				signInCheck: (issuer, claims) => issuer !== userPool.issuer || userPool.signInActive(claims)
			})
		));
	const identityPoolHost = `cognito-identity.${resolved.region}.amazonaws.com`;
	network.register({
		actor: 'identity-pool',
		matches: (url) => url.protocol === 'https:' && url.host === identityPoolHost,
		load: () => loadIdentityPool().then((pool) => pool.service)
	});
	network.register({
		actor: 'identity-pool',
		matches: (url) => url.protocol === 'https:' && url.host === 'cognito-identity.amazonaws.com',
		load: () => loadIdentityPool().then((pool) => pool.wellKnown)
	});
	account.registerIssuer(
		'https://cognito-identity.amazonaws.com',
		() => loadIdentityPool().then((pool) => pool.jwks()),
		[resolved.identityPool.id]
	);
	// S3 by virtual host, any bucket name (an unknown one is S3's NoSuchBucket); code on first use.
	const s3Host = `.s3.${resolved.region}.amazonaws.com`;
	network.register({
		actor: 's3',
		matches: (url) => url.protocol === 'https:' && url.hostname.endsWith(s3Host),
		load: () => import('./s3').then((s3) => s3.createS3Service(context))
	});
	// The social provider (shaped like Google), on Google's hosts; its code on the first request.
	const socialProvider = resolved.socialProvider;
	if (socialProvider) {
		let social: Promise<SocialProvider> | undefined;
		const loadSocial = () =>
			(social ??= import('./social-provider').then((m) =>
				m.createSocialProvider(context, socialProvider)
			));
		network.register({
			actor: 'external-idp',
			matches: matchesSocialProviderHost,
			load: () => loadSocial().then((p) => p.service)
		});
		// Its ID tokens are checked against its keys (the identity pool, the inspector).
		account.registerIssuer(
			socialProviderIssuers[0]!,
			() => loadSocial().then((p) => p.jwks()),
			socialProvider.clients.map((c) => c.clientId)
		);
	}
	// The enterprise SAML IdP at idp.example.com; its code (and its key) on the first request.
	const samlIdp = resolved.samlIdp;
	if (samlIdp)
		network.register({
			actor: 'external-idp',
			matches: matchesSamlIdpHost,
			load: () => import('./saml-idp').then((m) => m.createSamlIdp(context, samlIdp).service)
		});
	const collector = createCollectorService(clock);
	network.register(collector);
	network.register({
		actor: 'back-end',
		matches: (url) => url.host === backEndHost,
		load: () => import('./back-end/back-end-service').then((m) => m.createBackEndService(context))
	});
	network.register({
		actor: 'sts',
		matches: matchesStsHost,
		load: async () => (await import('./sts')).createStsService(context)
	});
	// Parameter Store, for the guest flow's scope-down mistake: imported on its first request.
	const ssmHost = `ssm.${resolved.region}.amazonaws.com`;
	network.register({
		actor: 'ssm',
		matches: (url) => url.protocol === 'https:' && url.host === ssmHost,
		load: () => import('./ssm').then((m) => m.createSsmService(context))
	});

	const fetchAs =
		(actor: ActorId): CloudFetch =>
		(input, init) =>
			network.fetch(input, init, actor);
	return {
		scenario: resolved,
		clock,
		log,
		fetch: fetchAs('app'),
		fetchAs,
		send: (request, sender = { from: 'app' }) => network.send(request, sender),
		account,
		userPool,
		collector
	};
}

function isClock(value: Clock | ClockOptions | undefined): value is Clock {
	return (
		typeof value === 'object' && value !== null && 'now' in value && typeof value.now === 'function'
	);
}
