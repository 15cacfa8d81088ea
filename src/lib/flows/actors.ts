// The one list of who can appear in a flow's diagram. A flow picks its columns from here, so the
// same actor has the same name and detail on every page.
import { attackerCollectorHost } from '$lib/cloud/attacker/attacker-host';
import type { FlowActor } from './types';

/** Every actor a flow can draw, by id. Details are the host or the service's signing name. */
export const actorCatalogue = {
	app: { id: 'app', label: 'Web app', detail: 'in the browser' },
	browser: { id: 'browser', label: 'Browser', detail: "the user's browser" },
	'user-pool': { id: 'user-pool', label: 'User pool', detail: 'cognito-idp' },
	'managed-login': { id: 'managed-login', label: 'Managed login', detail: 'auth domain' },
	'identity-pool': { id: 'identity-pool', label: 'Identity pool', detail: 'cognito-identity' },
	sts: { id: 'sts', label: 'STS', detail: 'sts' },
	s3: { id: 's3', label: 'S3', detail: 's3' },
	ssm: { id: 'ssm', label: 'Systems Manager', detail: 'ssm' },
	'api-gateway': { id: 'api-gateway', label: 'API Gateway', detail: 'execute-api' },
	'back-end': { id: 'back-end', label: 'Your back end', detail: 'api.example.com' },
	'external-idp': { id: 'external-idp', label: 'External IdP', detail: 'SAML or OIDC' },
	attacker: { id: 'attacker', label: 'Attacker', detail: attackerCollectorHost }
} as const satisfies Record<string, FlowActor>;

export type CatalogueActorId = keyof typeof actorCatalogue;

/**
 * An actor of the catalogue as a flow draws it; `optional` for one only a mistake brings in.
 *
 * @example actor('attacker', { optional: true }) // { id: 'attacker', label: 'Attacker', ..., optional: true }
 */
export function actor(id: CatalogueActorId, options: { optional?: boolean } = {}): FlowActor {
	return { ...actorCatalogue[id], ...(options.optional && { optional: true }) };
}
