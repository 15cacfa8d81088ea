import { escapeUri } from '$lib/cloud/sigv4';
import type { GuestAccessInput } from './guest-access-types';

/**
 * The virtual-hosted-style URL of an object, as `S3Client` builds it: each path segment of the
 * key percent-encoded, the slashes kept.
 *
 * @example objectUrl({ bucket: 'flow-lab-notes', region: 'us-east-1' }, 'public/welcome.txt')
 * // 'https://flow-lab-notes.s3.us-east-1.amazonaws.com/public/welcome.txt'
 */
export function objectUrl(input: Pick<GuestAccessInput, 'bucket' | 'region'>, key: string): string {
	const path = key
		.split('/')
		.map((segment) => escapeUri(segment))
		.join('/');
	return `https://${input.bucket}.s3.${input.region}.amazonaws.com/${path}`;
}
