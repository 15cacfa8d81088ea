import { importJWK, type JWK } from 'jose';
import type { IdentityPoolKeys } from '$lib/cloud/identity-pool';

/**
 * A fixed RS512 key for the identity pool in tests (RSA generation is slow; importing is not).
 * A test key only: it signs nothing outside this repository's tests.
 */
const privateJwk: JWK = {
	kty: 'RSA',
	n: 'hvLL34aVvEJYcBC8xyc8k4jhgbgXLPzP3Cm7pW58JRzImVveWXb5-BdOa5b9Ka8KhtDYEr5VDr4Q1MpfMMeCHH98UEisw6ScGJM5LMIqGptH4VqXrl_93Wy-AmVSpjwpPXrnzTl_I2sW7ClWH1P46bU3_VaZCU4-_VRfFFxtTb7dLrBVxfHRu-WlUXNb0C37V7LWgpmMU-LKW-d3UubsOgJogd856TQKWbUt46uZESco8DhNSZWf1RA1bRH9eYqvWSFNh6LjnPGmECIlPEtDxwkXiHqLfATtEhS1FV441ToEmV_GxjWByqiIAOd8taBI_Cq1NmcNpHE9pgEFPtdo0Q',
	e: 'AQAB',
	d: 'BNkBel7hD6F5gFMVmPjfm_Qpl6mXiYnuZJwKLdvtcT7atOmgL-oOejtKGaLTptTvJZ8od-nm78_jlmVLrJqqIaBxxIeLzz5hTh-xyNoTvZ9w4ldJBh5UJgljPP5LTQXxvE_nNk_XsZvF98dXXOo9EZYtM_hRqIwrRpnqjXZxhb6lZCkDSwfOniS_GeVL4SHhPOtroc8tlALCZPlXjOAgbi0afe2O-7letZsPz1qY2-hij1cyvj-k_A7JsbEQ3vGAnVaMA7EzNWH8D7Si8VbmcSB16gEQHAQ4f2ztVDFkBjqr9hMPMB8HosPa8uuDcDlWApBS337h7-aldjmhI6acAQ',
	p: 'u7PH7cHWuAUQSG4D2DYekce_0dx8vFoEIxv9Ppi0a8k8L3HulElE2mI_1E2SeS8NCgq0ed3Ot90RgRGMlfCQNliJNrotUp2-1IhbVs6SiCBnKJnZBa1okL1CNiM0QwL13Erxxq2mEnhe4EkQ0Ix1YBywxoQFqE-jf26NZXa6ewE',
	q: 'uA0QbXLDvUOHq0YupfGtElIWIqnGpglUEzrVNH1ybzoMJrx6GnY4s9fXD8Lor2RDjdBBZ3LNioMm4jGE9nHph7oIIk2O6drwqBR2yP6GffA0l1-dIjFrSlii5QoQDn3_vVWTu0xuuw26ee-gQ4cPwPMDW90dThWk5ipIxLIJ_dE',
	dp: 'W7IoKW5Yhu1yVu_n0OgfZvg-LTeZeCpBeyVhQgM3oLBeRo9SDf79M_JrXDvJIoppxE4WfLJvGkNVGciI9Xbf_Kyj26h4G7QUVZ-Hf5DK5NVvj9YYvz1Hp-3NOsVX8qSvlz7Fflm2l69WKhuHq1nyvVFGyrQUT3UYWliXmsm1sAE',
	dq: 'i1yZC8bSoAT6PZ4uxEhzHGQ7jpOvbxmxJ75sogo7FC2H9ezRKChMVyEgHzceqW_qFv-SBprPOAqG7s9ANruacMNUVWUUyc6WWy7jot3XSJURvW0QtktlSi5Dadpsvgx6EQsziaceUVTb1mizmW4zZ46bBHwxLGcHLaDm6MlG94E',
	qi: 'pWJylkMrrdb4Hrq0-SfITU5U9VVCTmEUwRMs4Nh9pNGZ503FpArqXTpuuNFrICLdGUKnjYd1R1uafiSKxHtcRzhFGrpGYjeZ_snbEPWezUNnv_cxuITdz7_LKEEFan5H60okW3LnBN_DKG2L0bRbo3pMsJfP014nAzDyVV4E_j4'
};

const kid = 'us-east-1-1';
const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicPart } = privateJwk;

export const identityPoolTestKeys: IdentityPoolKeys = {
	kid,
	privateKey: (await importJWK(privateJwk, 'RS512')) as CryptoKey,
	publicJwk: {
		kty: publicPart.kty,
		alg: 'RS512',
		use: 'sig',
		kid,
		n: publicPart.n,
		e: publicPart.e
	}
};
