// The simulated STS: AssumeRoleWithWebIdentity over the AWS Query protocol.
export { createStsService } from './sts-service';
export { matchesStsHost, stsNamespace, stsVersion } from './sts-host';
