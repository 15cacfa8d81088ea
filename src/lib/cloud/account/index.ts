export {
	createAccount,
	type AccessKeyOwner,
	type Account,
	type IssueCredentialsInput,
	type TemporaryCredentials
} from './account';
