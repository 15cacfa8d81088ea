/** A user of the back end's own login system: no user pool, no IAM, just its table. */
export interface BackEndUser {
	username: string;
	/**
	 * The id the back end vouches for in `Logins` (`"<developer provider>": "<userId>"`): stable and
	 * never reused, because Cognito ties one identity, and so one S3 prefix, to it for good.
	 */
	userId: string;
	/** Demo data, documented in the README and the lesson; a real back end stores a slow salted hash. */
	password: string;
}

/** The back end's demo users (the developer-authenticated lesson lists them). */
export const backEndUsers: readonly BackEndUser[] = [
	{ username: 'alice', userId: 'user-1001', password: 'Own-Login-Alice-42' },
	{ username: 'bob', userId: 'user-1002', password: 'Own-Login-Bob-42' }
];
