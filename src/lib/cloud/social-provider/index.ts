// The simulated social identity provider (shaped like Google): its OpenID Connect endpoints.
export { createSocialProviderService, socialProviderIssuer } from './social-provider-service';
