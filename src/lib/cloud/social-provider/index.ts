// The simulated social identity provider (shaped like Google): its OpenID Connect endpoints.
export {
	createSocialProvider,
	socialProviderIssuer,
	type SocialProvider
} from './social-provider-service';
