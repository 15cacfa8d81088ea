// Types for the two internals of amazon-cognito-identity-js (a dev dependency) that the SRP
// interoperability tests drive directly; the package ships types only for its public classes.

declare module 'amazon-cognito-identity-js/lib/BigInteger' {
	export default class BigInteger {
		constructor(value: string, radix: number);
		toString(radix: number): string;
	}
}

declare module 'amazon-cognito-identity-js/lib/AuthenticationHelper' {
	import type BigInteger from 'amazon-cognito-identity-js/lib/BigInteger';

	export default class AuthenticationHelper {
		constructor(poolName: string);
		smallAValue: BigInteger;
		largeAValue: BigInteger | undefined;
		generateRandomSmallA(): BigInteger;
		getLargeAValue(callback: (error: Error | null, A: BigInteger) => void): void;
		getPasswordAuthenticationKey(
			username: string,
			password: string,
			serverBValue: BigInteger,
			salt: BigInteger,
			callback: (error: Error | null, hkdfKey: Uint8Array) => void
		): void;
	}
}
