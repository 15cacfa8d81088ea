import type { JSONWebKeySet } from 'jose';
import type { Service, ServiceContext } from '../service';
import {
	AwsServiceError,
	awsJsonErrorResponse,
	awsJsonOperation,
	awsJsonResponse,
	parseAwsJsonRequest,
	wireResponse,
	type WireRequest,
	type WireResponse
} from '../wire';
import type { UserPoolKeys } from './keys';
import { createUserPoolModel, type OutboxMessage, type UserPoolModel } from './model';
import { confirmSignUp } from './operations/confirm-sign-up';
import { getUser } from './operations/get-user';
import { globalSignOut } from './operations/global-sign-out';
import { initiateAuth } from './operations/initiate-auth';
import { resendConfirmationCode } from './operations/resend-confirmation-code';
import { respondToAuthChallenge } from './operations/respond-to-auth-challenge';
import { revokeToken } from './operations/revoke-token';
import { signUp } from './operations/sign-up';
import { updateUserAttributes } from './operations/update-user-attributes';
import { signInActive } from './sign-in-active';
import { openIdConfiguration, userPoolJwks } from './well-known';

/** The simulated `cognito-idp` endpoint of the scenario's region, plus what the UI reads. */
export interface UserPoolService extends Service {
	readonly actor: 'user-pool';
	/** `https://cognito-idp.<region>.amazonaws.com/<poolId>`, the `iss` of every token. */
	readonly issuer: string;
	/** `<issuer>/.well-known/jwks.json`. */
	readonly jwksUrl: string;
	/** The published keys without a network round trip (for the inspector). */
	jwks(): Promise<JSONWebKeySet>;
	/** Every code the pool has "sent", oldest first. */
	readonly outbox: readonly OutboxMessage[];
	/** Whether the sign-in behind an ID token still stands (an identity pool's ServerSideTokenCheck). */
	signInActive(idTokenClaims: Record<string, unknown>): boolean;
}

export interface UserPoolServiceOptions {
	/** Fixed keys (tests); otherwise generated on the first request that needs them. */
	keys?: UserPoolKeys | Promise<UserPoolKeys>;
	/** The pool's state, when another service shares it (managed login); else a new one. */
	model?: UserPoolModel;
}

type Operation = (model: UserPoolModel, input: Record<string, unknown>) => Promise<unknown>;

const operations: Record<string, Operation> = {
	ConfirmSignUp: confirmSignUp,
	GetUser: getUser,
	GlobalSignOut: globalSignOut,
	InitiateAuth: initiateAuth,
	ResendConfirmationCode: resendConfirmationCode,
	RespondToAuthChallenge: respondToAuthChallenge,
	RevokeToken: revokeToken,
	SignUp: signUp,
	UpdateUserAttributes: updateUserAttributes
};
const wellKnown = /^\/([^/]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;

/**
 * The user pool API (`POST /`, AWS JSON 1.1, `AWSCognitoIdentityProviderService.<Op>`) and the
 * pool's public keys (`GET /<poolId>/.well-known/jwks.json`, `openid-configuration`), routed as
 * AWS routes them: by host, then path. Creating it is cheap; keys come on first need.
 *
 * @example const userPool = createUserPoolService(context); network.register(userPool);
 */
export function createUserPoolService(
	context: ServiceContext,
	options: UserPoolServiceOptions = {}
): UserPoolService {
	const model = options.model ?? createUserPoolModel(context, options);
	// Built here, not at module level, so a bundle that never creates a pool can drop this module.
	const operationNames = new Set(Object.keys(operations));
	const host = `cognito-idp.${model.region}.amazonaws.com`;

	async function answer(request: WireRequest, requestId: string): Promise<WireResponse> {
		const url = new URL(request.url);
		const known = wellKnown.exec(url.pathname);
		if (request.method === 'GET' && known) return wellKnownResponse(known[1]!, known[2]!);
		const { operation, input } = parseAwsJsonRequest(request, {
			targetPrefix: 'AWSCognitoIdentityProviderService',
			operations: operationNames
		});
		return awsJsonResponse(await operations[operation]!(model, input), requestId);
	}

	/**
	 * ⚠ SIM: for another pool id AWS answers 404 with a JSON message; the exact body is not in
	 * the reference (`{"message":"User pool <id> does not exist."}` chosen).
	 */
	async function wellKnownResponse(poolId: string, document: string): Promise<WireResponse> {
		const headers = { 'content-type': 'application/json;charset=UTF-8' };
		if (poolId !== model.pool.id)
			return wireResponse(
				404,
				headers,
				JSON.stringify({ message: `User pool ${poolId} does not exist.` })
			);
		const body = document === 'jwks.json' ? await userPoolJwks(model) : openIdConfiguration(model);
		return wireResponse(200, headers, JSON.stringify(body));
	}

	return {
		actor: 'user-pool',
		issuer: model.issuer,
		jwksUrl: `${model.issuer}/.well-known/jwks.json`,
		jwks: () => userPoolJwks(model),
		outbox: model.outbox,
		signInActive: (claims) => signInActive(model, claims),
		matches: (url) => url.protocol === 'https:' && url.host === host,
		label: (request) =>
			awsJsonOperation(request) ?? `${request.method} ${new URL(request.url).pathname}`,
		async handle(request) {
			const requestId = context.random.uuid();
			try {
				return await answer(request, requestId);
			} catch (error) {
				if (error instanceof AwsServiceError) return awsJsonErrorResponse(error, requestId);
				// A simulator bug still answers like AWS: 500 InternalErrorException.
				const message = error instanceof Error ? error.message : String(error);
				return awsJsonErrorResponse(
					new AwsServiceError('InternalErrorException', message, 500),
					requestId
				);
			}
		}
	};
}
