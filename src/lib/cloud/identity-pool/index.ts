// The simulated identity pool (`cognito-identity`): its API, its key host, and its key type.
export {
	createIdentityPool,
	type IdentityPool,
	type IdentityPoolOptions
} from './identity-pool-service';
export { generateIdentityPoolKeys, type IdentityPoolKeys } from './keys';
export { identityPoolIssuer, type SignInCheck } from './model';
export { identityPoolArnClaim, type OpenIdTokenClaims } from './open-id-token';
export { guestScopeDownPolicy } from './guest-scope-down';
