// The simulated enterprise SAML 2.0 identity provider: metadata, single sign-on, signed assertions.
export { createSamlIdp, type SamlIdp } from './saml-idp-service';
