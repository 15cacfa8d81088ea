export { cloudRequestHandler, cognitoClient } from './sdk-request-handler';
export { failure, type SdkError } from './failure';
export { jwksOverTheNetwork } from './jwks-over-the-network';
export { routeGlobalFetch } from './route-global-fetch';
export { advanceTime, pinTime, pinnedAt, unpinTime } from './pinned-time';
export { srpSignIn, type SrpSignIn } from './srp-sign-in';
export {
	legacyClientId,
	serverClientId,
	serverClientSecret,
	testScenario,
	webClientId
} from './test-scenario';
