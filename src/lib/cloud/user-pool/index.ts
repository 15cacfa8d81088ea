// The simulated user pool (`cognito-idp`): the service the cloud registers, and its key type.
export {
	createUserPoolService,
	type UserPoolService,
	type UserPoolServiceOptions
} from './user-pool-service';
export { generateUserPoolKeys, type UserPoolKeys, type UserPoolSigningKey } from './keys';
export type { OutboxMessage } from './model';
export type { AuthenticationResult } from './issue-tokens';
