import type { Cloud } from '$lib/cloud';

/** The pool's JWKS as a verifier would fetch it: from the published URL, through the cloud. */
export async function jwksOverTheNetwork(cloud: Cloud) {
	return (await cloud.fetch(cloud.userPool.jwksUrl)).json();
}
