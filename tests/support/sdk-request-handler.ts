import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { HttpResponse, type HttpRequest } from '@smithy/protocol-http';
import type { CloudFetch } from '$lib/cloud';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/**
 * An AWS SDK v3 request handler that sends every request into the simulated cloud instead of
 * the network: the URL is rebuilt from protocol, hostname, port, path and query, the answer is
 * handed back as a smithy `HttpResponse`.
 */
export function cloudRequestHandler(fetch: CloudFetch) {
	return {
		async handle(request: HttpRequest) {
			const query = new URLSearchParams();
			for (const [name, value] of Object.entries(request.query ?? {}))
				for (const v of Array.isArray(value) ? value : [value])
					if (v != null) query.append(name, v);
			const search = query.size > 0 ? `?${query}` : '';
			const port = request.port ? `:${request.port}` : '';
			const url = `${request.protocol}//${request.hostname}${port}${request.path}${search}`;
			const headers = Object.fromEntries(
				Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== 'host')
			);
			const response = await fetch(url, {
				method: request.method,
				headers,
				body: request.body as BodyInit | undefined
			});
			const responseHeaders: Record<string, string> = {};
			response.headers.forEach((value, name) => (responseHeaders[name] = value));
			return {
				response: new HttpResponse({
					statusCode: response.status,
					headers: responseHeaders,
					body: new Uint8Array(await response.arrayBuffer())
				})
			};
		}
	};
}

/** A user-pool SDK client wired to the cloud: static dummy credentials, one attempt. */
export function cognitoClient(
	fetch: CloudFetch,
	region = 'us-east-1'
): CognitoIdentityProviderClient {
	return new CognitoIdentityProviderClient({
		region,
		credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'dummy-secret' },
		maxAttempts: 1,
		requestHandler: cloudRequestHandler(fetch)
	});
}
