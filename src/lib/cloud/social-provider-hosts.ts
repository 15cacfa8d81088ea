/**
 * Google's hosts, the fixed endpoints of Cognito's `Google` provider type. Apart from the service
 * so the cloud can route to them without importing the provider's code.
 */
export const socialProviderHosts = {
	accounts: 'accounts.google.com',
	token: 'oauth2.googleapis.com',
	certs: 'www.googleapis.com',
	userInfo: 'openidconnect.googleapis.com'
} as const;

export function matchesSocialProviderHost(url: URL): boolean {
	return url.protocol === 'https:' && Object.values<string>(socialProviderHosts).includes(url.host);
}

/** Its endpoints: what Cognito calls for a `Google` provider, and what the provider serves. */
export const socialProviderEndpoints = {
	discovery: `https://${socialProviderHosts.accounts}/.well-known/openid-configuration`,
	authorize: `https://${socialProviderHosts.accounts}/o/oauth2/v2/auth`,
	token: `https://${socialProviderHosts.token}/token`,
	jwks: `https://${socialProviderHosts.certs}/oauth2/v3/certs`,
	userInfo: `https://${socialProviderHosts.userInfo}/v1/userinfo`
} as const;

/** Both forms of the issuer Google's ID tokens may carry (cognito.md §6). */
export const socialProviderIssuers = ['https://accounts.google.com', 'accounts.google.com'];
