import { srpClientSignature } from './srp-client';
import { srpCreateVerifier, srpServerVerify } from './srp-server';

// Reference §4.5: the known-answer test, verified against amazon-cognito-identity-js 6.3.21.
// Shared by the client and server tests so both are pinned to the same bytes.
export const KAT = {
	poolName: 'AbCdEf123',
	username: 'alice',
	password: 'Passw0rd!',
	salt: '1f2e3d4c5b6a79880112233445566778',
	a: BigInt(`0x${'a1'.repeat(32)}`),
	b: BigInt(`0x${'b2'.repeat(32)}`),
	secretBlock: 'c2VjcmV0LWJsb2NrLW9wYXF1ZS1ieXRlcw==',
	timestamp: 'Tue Nov 3 09:05:07 UTC 2026',
	srpA: '78604b754341df90d89b6b6f863685f06670aa11b23e06bd273c7d699d8589b9217b0bd9c6779c5bf67889259965c46f9e1d688ee977d8606ddc9ffe5ce6403c8d9598e8e9dc3bfc9e12e19b586dbc85f4ecce8211f350f2364d0fd24c3c0deed7783d90f121c7c6f2ee7064e63d88d8fd1b0a7b3dfbe9bcd92db247c7c76b2a50d49ab4f6a68165f0192a088475da953aefeb4ee1fedc8f5488e01e89bfc8b3a2d0f1fd1f28829422c6999579ac84ec676994449cca9ba82311b40894153a00c8ba843bfb528e18d9cc6b0a532f305b5d250469983c989c2a332f7ae252845fb7d4188656f1c87ed94115108304dc5a2926fa7bd95d0e6a074cb9f3bc120275bef33f509482a5a9854935c830f6753e6d5d38be77d24819a1eb4286d228c1270d68e7aa5db7d33acc638600bfba76af6f6293c055ababd1b8f57b6e72b67f6c3253cd0053c37dda63d7bb0a1267397d78413e0c272f2789ddc707116ad8e2fa198848aacba9111264499e264060cbb03c3b25f4c3bf323a8128a67cc4688292',
	x: '21911c31b0380cc833ba3f944b7b286b73995fc00906931e2c89251df4c2ee09',
	srpB: '66b2707f6afed13224a9fa098f9f8d5f2a6ac30e9fa2498553537c86fa9dc1c29f8ec80e85eae4166ca73a28dc84ae0c083b3be6fce862ec8d38ebb48d1421d6f3d450b297168ada2ed138220f98254a87ebdbe91649de0030454354a3b1b43699f89234bc92b38e02265f42437dd9fc333814edecb439fe5c13069f03721ea324597bf86de4e7c85da6d1744542fe2868b66bb8e61cb05051ba4eeda396013a6a2256c49448b840bdbf7537717d73b1225a0bd53131385b1a130624d34ab03e72ed802d3c34358564d32dfc5bb474d2403bac3c60b9e0fe67de158ed34e957c314789ef19483a7fb2b8c19664cc88a4054f7ffad16df384462b47ead597c9719d2c05f97f4207683b8b3b86e5f9d3b9eaf558d4acc613e3ce3a9393d399ba43fd67a757f07d8b8a3f201d77bbf4be7af6cb8345896b3c2c9a0ad6f3845cf725bd891f8faa75429597fc0297de123975efabc7087c5eda6e71abd5438e128491b9073edfc55997465d8774d736211e8e3550bd5483dc541ec041b7a4bca7222b',
	u: '81ccb3b5dd549db7c99810b83c6b3dbcdc53ce2f35d4b64450235c47c58ff363',
	S: '79e02d1960f1327f33be801415a48293cbd4acc1f0fd96d377799e031646c994a948f2fd43462885d9e07c404d5f7f46dea4497ba6623e0c101a39a890886b58c6b7c1654326a313a04e794564175c5876c354e87aaa240e4a79c302dab07b6ef4c78585855aecebe8f3f2ab855b149fc237d779566e68e872466fc73af7af46aab8fac8d728ad3ce39f8990a1c36c1e3edb15d0e2f59a9eb876df3135e0d6d49abab01d053fed547703e3e084d9e7045b2e29d309b837c4ac4beeb79503b4e25a61fa1b732e94e6b5ddb07ce5ba65f9f5c2a9f499c240effa26c34ab76fbfd4ba481df8086b5677b71f2ed47a13c840ce1a3600b2bfca0a4b30e1443178ff2c2b16937b9e0b11a3222e19e7de76350cb697256d605a5d6a4b4ed6610638fb5a42113c889468d901a15aa10cac321e68787f15311d68e3c26a5bb2085c5311bfca875804e582b64dae063caaae018ed56460679c40b95094540d9d3c7bc85095f01a6a898c5ae061412b51de8f65dd5ce461bce17f0e0a5a1ab0ad99ee96227c',
	hkdfKey: '5443872988f207f975217ffe1bd4dd30',
	signature: 'wZPgVeyuDL7GGlZGAJdJgZc6mowzueahii1+nQO7zYU='
} as const;

/** A `randomBytes` that returns fixed bytes, to feed a known `a`, `b` or salt through the API. */
export function fixedBytes(hex: string): (n: number) => Uint8Array {
	return (n) => {
		const bytes = new Uint8Array(n);
		const source = hex.padStart(n * 2, '0');
		for (let i = 0; i < n; i++) bytes[i] = Number.parseInt(source.slice(i * 2, i * 2 + 2), 16);
		return bytes;
	};
}

/** The verifier the pool stores for the known-answer user: v = g^x mod N. */
export async function katVerifier(): Promise<bigint> {
	const { verifier } = await srpCreateVerifier({
		poolName: KAT.poolName,
		username: KAT.username,
		password: KAT.password,
		salt: KAT.salt
	});
	return verifier;
}

/** `srpClientSignature`'s input for the known-answer exchange, with any field replaced. */
export function katClientInput(overrides: Partial<Parameters<typeof srpClientSignature>[0]> = {}) {
	return {
		poolName: KAT.poolName,
		userIdForSrp: KAT.username,
		password: KAT.password,
		a: KAT.a,
		A: BigInt(`0x${KAT.srpA}`),
		srpB: KAT.srpB,
		salt: KAT.salt,
		secretBlock: KAT.secretBlock,
		timestamp: KAT.timestamp,
		...overrides
	};
}

/** `srpServerVerify`'s input for the known-answer exchange, with any field replaced. */
export async function katServerInput(
	overrides: Partial<Parameters<typeof srpServerVerify>[0]> = {}
) {
	return {
		poolName: KAT.poolName,
		userIdForSrp: KAT.username,
		verifier: await katVerifier(),
		salt: KAT.salt,
		A: BigInt(`0x${KAT.srpA}`),
		b: KAT.b,
		B: BigInt(`0x${KAT.srpB}`),
		secretBlock: KAT.secretBlock,
		timestamp: KAT.timestamp,
		signature: KAT.signature,
		...overrides
	};
}
