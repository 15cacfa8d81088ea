// Managed login (the hosted UI) and the pool's OAuth 2.0 / OIDC endpoints on its prefix domain.
export { createManagedLoginService } from './managed-login-service';
