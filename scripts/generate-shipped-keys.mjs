#!/usr/bin/env node
/**
 * Writes the simulated pools' own signing keys, the ones the site ships with:
 * src/lib/cloud/user-pool/shipped-keys.json (the ID-token and access-token RS256 keys and the
 * refresh token's RSA-OAEP key) and src/lib/cloud/identity-pool/shipped-keys.json (its RS512 key).
 *
 * Every run of the simulator signs with these (key rotation is not modelled); generating four
 * RSA-2048 keys per run took a slow phone seconds before its first step.
 * These keys are public by design: they sign tokens of a simulated account and nothing else.
 * Run it again only to rotate them (tokens in old screenshots then stop verifying).
 *
 * Usage: node scripts/generate-shipped-keys.mjs
 */
import { writeFileSync } from 'node:fs';
import { exportJWK, generateKeyPair } from 'jose';

async function privateJwk(alg) {
	const { privateKey } = await generateKeyPair(alg, { modulusLength: 2048, extractable: true });
	const { kty, n, e, d, p, q, dp, dq, qi } = await exportJWK(privateKey);
	return { kty, n, e, d, p, q, dp, dq, qi };
}

const write = (path, value) => writeFileSync(path, `${JSON.stringify(value, null, '\t')}\n`);
write('src/lib/cloud/user-pool/shipped-keys.json', {
	idToken: await privateJwk('RS256'),
	accessToken: await privateJwk('RS256'),
	refreshToken: await privateJwk('RSA-OAEP')
});
write('src/lib/cloud/identity-pool/shipped-keys.json', { signing: await privateJwk('RS512') });
console.log('wrote the shipped keys');
