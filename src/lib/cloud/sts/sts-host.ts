/** The Query API version and XML namespace of STS (cognito.md §8.2). */
export const stsVersion = '2011-06-15';
export const stsNamespace = `https://sts.amazonaws.com/doc/${stsVersion}/`;

const regional = /^sts\.[a-z]{2}(?:-[a-z]+)+-\d\.amazonaws\.com$/;

/**
 * Whether a URL is STS: the global endpoint `sts.amazonaws.com` or a regional one
 * `sts.<region>.amazonaws.com` (the SDK's default today). Kept apart from the service so the cloud
 * can route to STS without loading it.
 */
export function matchesStsHost(url: URL): boolean {
	return url.protocol === 'https:' && (url.host === 'sts.amazonaws.com' || regional.test(url.host));
}
