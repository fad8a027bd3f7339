import { describe, expect, it } from 'vitest';
import {
	checkSignInSettings,
	defaultSsoLabel,
	passwordSignInOn,
	ssoSettings
} from './sign-in-settings';

const entra = {
	OIDC_ISSUER: 'https://login.microsoftonline.com/0b5c1f7e-0000-4000-8000-000000000000/v2.0',
	OIDC_CLIENT_ID: 'golden-thread',
	OIDC_CLIENT_SECRET: 'a secret'
};

describe('ssoSettings', () => {
	it('is off without OIDC_ISSUER', () => {
		expect(ssoSettings({})).toBeNull();
		expect(ssoSettings({ OIDC_ISSUER: ' ', OIDC_CLIENT_ID: 'x' })).toBeNull();
	});

	it('reads the issuer, client and label, with the label defaulting', () => {
		expect(ssoSettings(entra)).toEqual({
			issuer: new URL(entra.OIDC_ISSUER),
			clientId: 'golden-thread',
			clientSecret: 'a secret',
			label: defaultSsoLabel
		});
		expect(ssoSettings({ ...entra, OIDC_LABEL: 'Sign in with Northshire' })?.label).toBe(
			'Sign in with Northshire'
		);
		expect(defaultSsoLabel).toBe('Sign in with your council account');
	});

	it.each(['http://localhost:9000', 'http://127.0.0.1:9000/oidc', 'http://[::1]:9000'])(
		'accepts the plain-HTTP issuer %s on this machine only',
		(issuer) => {
			expect(ssoSettings({ ...entra, OIDC_ISSUER: issuer })?.issuer.href).toMatch(/^http:/);
		}
	);

	it.each([
		['http://login.example.gov.uk', /https:\/\//],
		['http://localhost.example.com', /https:\/\//],
		['ftp://localhost', /https:\/\//],
		['login.microsoftonline.com/tenant/v2.0', /not a web address/]
	])('refuses the issuer %s', (issuer, message) => {
		expect(() => ssoSettings({ ...entra, OIDC_ISSUER: issuer })).toThrow(message);
	});

	it('needs a client id and secret with an issuer', () => {
		expect(() => ssoSettings({ ...entra, OIDC_CLIENT_ID: '' })).toThrow(/OIDC_CLIENT_ID/);
		expect(() => ssoSettings({ ...entra, OIDC_CLIENT_SECRET: undefined })).toThrow(
			/OIDC_CLIENT_SECRET/
		);
	});
});

describe('passwordSignInOn and checkSignInSettings', () => {
	it('keeps passwords on unless PASSWORD_SIGN_IN=off', () => {
		expect(passwordSignInOn({})).toBe(true);
		expect(passwordSignInOn({ PASSWORD_SIGN_IN: 'on' })).toBe(true);
		expect(passwordSignInOn({ PASSWORD_SIGN_IN: 'OFF' })).toBe(false);
		expect(() => passwordSignInOn({ PASSWORD_SIGN_IN: 'no' })).toThrow(/on or off/);
	});

	it('refuses to start with no way to sign in', () => {
		expect(() => checkSignInSettings({ PASSWORD_SIGN_IN: 'off' })).toThrow(/OIDC_ISSUER/);
		expect(() => checkSignInSettings({ ...entra, PASSWORD_SIGN_IN: 'off' })).not.toThrow();
		expect(() => checkSignInSettings({})).not.toThrow();
		expect(() => checkSignInSettings({ OIDC_ISSUER: 'http://idp.example' })).toThrow();
	});
});
