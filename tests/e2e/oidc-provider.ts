import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { decodeJwt, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';
import { e2ePort } from './server';

// A real OpenID provider (the certified `oidc-provider` package) in the test's own process, on
// a port of its own, for the app to sign in through. Its sign-in page is the package's own
// development page, which takes any account name below and any password. Tests can have it
// spoil the next ID token it issues, signed with its own key or another, to see the app refuse.

export const providerPort = e2ePort + 5100;
export const issuer = `http://localhost:${providerPort}`;
export const clientId = 'golden-thread';
export const clientSecret = randomBytes(24).toString('hex');
/** Another application registered at the same provider. */
export const otherClientId = 'another-application';

/** Accounts by the name typed at the provider's sign-in page. */
export const ssoAccounts: Record<string, Record<string, unknown>> = {
	practitioner: { email: 'practitioner@demo.test', email_verified: true, name: 'Priya Shah' },
	supervisor: { email: 'Supervisor@Demo.test', email_verified: true, name: 'Sam Okoro' },
	colleague: { email: 'colleague@demo.test', email_verified: true, name: 'Chris Doyle' },
	leaver: { email: 'mark.fenton@demo.test', email_verified: true, name: 'Mark Fenton' },
	unverified: { email: 'lucy.chen@demo.test', email_verified: false, name: 'Lucy Chen' },
	unknown: { email: 'nobody@elsewhere.example', email_verified: true, name: 'No Body' }
};

/** How the next ID token from the token endpoint is spoiled, if at all. */
export type Spoil = { audience: string } | { foreignKey: true };

export interface TestProvider {
	/** Spoils the next ID token the token endpoint gives. */
	spoilNextIdToken(spoil: Spoil): void;
	/**
	 * Keeps the next answer from the browser: the redirect back to the app becomes a page saying
	 * it was held, and its address (with the code and state) is given to the test instead.
	 */
	holdNextAnswer(): Promise<string>;
	stop(): Promise<void>;
}

/** Starts the provider, with the app at `appOrigin` registered as its client. */
export async function startProvider(appOrigin: string): Promise<TestProvider> {
	const { privateKey } = await generateKeyPair('RS256', { extractable: true });
	const key: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
	const redirectUri = `${appOrigin}/sign-in/oidc/callback`;
	const provider: Provider = new Provider(issuer, {
		clients: [clientId, otherClientId].map((id) => ({
			client_id: id,
			client_secret: id === clientId ? clientSecret : randomBytes(24).toString('hex'),
			redirect_uris: [redirectUri],
			grant_types: ['authorization_code'],
			response_types: ['code'],
			token_endpoint_auth_method: 'client_secret_post'
		})),
		jwks: { keys: [key] },
		cookies: { keys: [randomBytes(24).toString('hex')] },
		claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
		pkce: { required: () => true },
		async findAccount(_ctx, id) {
			const claims = ssoAccounts[id];
			return claims && { accountId: id, claims: async () => ({ sub: id, ...claims }) };
		},
		// The authority's own application: no consent screen, as an organisation's provider does.
		async loadExistingGrant(ctx: KoaContextWithOIDC) {
			const grant = new provider.Grant({
				clientId: ctx.oidc.client!.clientId,
				accountId: ctx.oidc.session!.accountId
			});
			grant.addOIDCScope('openid email profile');
			await grant.save();
			return grant;
		}
	});

	let spoil: Spoil | undefined;
	let hold: ((answer: string) => void) | undefined;
	provider.use(async (ctx, next) => {
		await next();
		const location = String(ctx.response.get('location') ?? '');
		if (hold && location.startsWith(`${redirectUri}?`)) {
			hold(location);
			hold = undefined;
			ctx.remove('location');
			ctx.status = 200;
			ctx.type = 'text/plain';
			ctx.body = 'Held by the test';
		}
		const body = ctx.body as { id_token?: string } | undefined;
		if (ctx.path !== '/token' || !spoil || !body?.id_token) return;
		body.id_token = await spoiled(body.id_token, spoil, key);
		spoil = undefined;
	});

	const server: Server = createServer(provider.callback());
	await new Promise<void>((resolve) => server.listen(providerPort, 'localhost', resolve));
	return {
		spoilNextIdToken: (next) => (spoil = next),
		holdNextAnswer: () => new Promise((resolve) => (hold = resolve)),
		stop: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}

/** The same claims, re-signed: for another audience with the provider's key, or with a stranger's. */
async function spoiled(idToken: string, spoil: Spoil, key: JWK) {
	const claims = decodeJwt(idToken);
	const signingKey =
		'foreignKey' in spoil
			? (await generateKeyPair('RS256')).privateKey
			: await importJWK(key, 'RS256');
	return new SignJWT({ ...claims, aud: 'audience' in spoil ? spoil.audience : claims.aud })
		.setProtectedHeader({ alg: 'RS256', kid: key.kid })
		.sign(signingKey);
}
