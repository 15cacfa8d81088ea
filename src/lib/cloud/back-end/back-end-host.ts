/**
 * The host of "your back end": the app's own server, not an AWS service. `.example.com` is
 * reserved for documentation (RFC 2606), so nothing the lab shows points at a live address.
 */
export const backEndHost = 'api.example.com';

/** The IAM user whose long-term key the back end signs its developer-identity calls with. */
export const backEndIamUserName = 'flow-lab-back-end';
