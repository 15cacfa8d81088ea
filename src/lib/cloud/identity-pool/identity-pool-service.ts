import type { JSONWebKeySet } from 'jose';
import type { Explanation } from '../exchange';
import type { Service, ServiceCall, ServiceContext } from '../service';
import {
	AwsServiceError,
	awsJsonErrorResponse,
	awsJsonOperation,
	awsJsonResponse,
	parseAwsJsonRequest,
	type WireRequest,
	type WireResponse
} from '../wire';
import {
	createIdentityPoolModel,
	identityPoolIssuer,
	type IdentityPoolModelOptions
} from './model';
import type { Operation } from './operation';
import { getCredentialsForIdentity } from './operations/get-credentials-for-identity';
import { getId } from './operations/get-id';
import { getOpenIdToken } from './operations/get-open-id-token';
import { getOpenIdTokenForDeveloperIdentity } from './operations/get-open-id-token-for-developer-identity';
import { lookupDeveloperIdentity } from './operations/lookup-developer-identity';
import { createWellKnownService } from './well-known-service';

const operations: Record<string, Operation> = {
	GetCredentialsForIdentity: getCredentialsForIdentity,
	GetId: getId,
	GetOpenIdToken: getOpenIdToken,
	GetOpenIdTokenForDeveloperIdentity: getOpenIdTokenForDeveloperIdentity,
	LookupDeveloperIdentity: lookupDeveloperIdentity
};

/** The identity pool: its API, its key host, and what the account and the inspector read. */
export interface IdentityPool {
	/** `cognito-identity.<region>.amazonaws.com`, AWS JSON 1.1. */
	readonly service: Service;
	/** `cognito-identity.amazonaws.com/.well-known/...`, the published key. */
	readonly wellKnown: Service;
	/** `https://cognito-identity.amazonaws.com`, the `iss` of every token the pool signs. */
	readonly issuer: string;
	/** The published keys without a network round trip (for the account and the inspector). */
	jwks(): Promise<JSONWebKeySet>;
}

export type IdentityPoolOptions = IdentityPoolModelOptions;

/**
 * The simulated `cognito-identity` service of the scenario's region (cognito.md §7): `POST /`,
 * AWS JSON 1.1, `X-Amz-Target: AWSCognitoIdentityService.<Op>`; every error 400 with the
 * `{"__type","message"}` body and `x-amzn-ErrorType` header. Cheap to create: the signing key
 * is made on the first token.
 *
 * @example const pool = createIdentityPool(context); network.register(pool.service);
 */
export function createIdentityPool(
	context: ServiceContext,
	options: IdentityPoolOptions = {}
): IdentityPool {
	const model = createIdentityPoolModel(context, options);
	const operationNames = new Set(Object.keys(operations));
	const host = `cognito-identity.${model.region}.amazonaws.com`;
	const jwks = async (): Promise<JSONWebKeySet> => ({
		keys: [{ ...(await model.keys()).publicJwk }]
	});

	async function answer(request: WireRequest, call: ServiceCall) {
		const { operation, input } = parseAwsJsonRequest(request, {
			targetPrefix: 'AWSCognitoIdentityService',
			operations: operationNames
		});
		const explain = (explanation: Explanation | undefined) =>
			explanation && call.explain(explanation);
		return operations[operation]!({ model, request, explain }, input);
	}

	const service: Service = {
		actor: 'identity-pool',
		matches: (url) => url.protocol === 'https:' && url.host === host,
		label: (request) =>
			awsJsonOperation(request) ?? `${request.method} ${new URL(request.url).pathname}`,
		async handle(request, call): Promise<WireResponse> {
			const requestId = context.random.uuid();
			try {
				const output = await answer(request, call);
				return awsJsonResponse(output, requestId);
			} catch (error) {
				if (error instanceof AwsServiceError) return errorResponse(error, requestId);
				// A simulator bug still answers like AWS: 500 InternalErrorException.
				const message = error instanceof Error ? error.message : String(error);
				return awsJsonErrorResponse(
					new AwsServiceError('InternalErrorException', message, 500),
					requestId
				);
			}
		}
	};

	return { service, wellKnown: createWellKnownService(jwks), issuer: identityPoolIssuer, jwks };
}

/**
 * The AWS JSON error. AccessDeniedException alone carries `Message` with a capital M, as observed
 * from cognito-identity (cognito.md §7.10); every other error `message`.
 */
function errorResponse(error: AwsServiceError, requestId: string): WireResponse {
	const response = awsJsonErrorResponse(error, requestId);
	if (error.type !== 'AccessDeniedException') return response;
	const body = JSON.stringify({ __type: error.type, Message: error.awsMessage });
	return { ...response, body: new TextEncoder().encode(body) };
}
