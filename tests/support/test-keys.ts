import { generateUserPoolKeys } from '$lib/cloud';

/**
 * Pool keys generated once per test file (RSA generation is slow) and shared by every cloud the
 * file builds.
 */
export const testKeys = await generateUserPoolKeys();
