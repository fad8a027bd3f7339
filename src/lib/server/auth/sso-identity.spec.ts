import { describe, expect, it } from 'vitest';
import { identityOf, verifiedEmailOf } from './sso-identity';

describe('verifiedEmailOf', () => {
	it('takes an email the provider says is verified, normalised', () => {
		expect(verifiedEmailOf({ email: ' Priya.Shah@Demo.test ', email_verified: true })).toBe(
			'priya.shah@demo.test'
		);
	});

	it.each([
		[{ email: 'a@demo.test', email_verified: false }],
		[{ email: 'a@demo.test', email_verified: 'true' }],
		[{ email: 'a@demo.test' }],
		[{ email_verified: true }],
		[{ email: 'not an address', email_verified: true }],
		[{ email: ['a@demo.test'], email_verified: true }],
		// Entra's domain check stands in for email_verified only when that is absent.
		[{ email: 'a@demo.test', email_verified: false, xms_edov: true }],
		[{ email: 'a@demo.test', xms_edov: false }],
		[{ email: 'a@demo.test', xms_edov: 'true' }]
	])('vouches for no address in %j', (claims) => {
		expect(verifiedEmailOf(claims)).toBeNull();
	});

	it("takes Entra ID's verified domain (xms_edov) when email_verified is absent", () => {
		expect(verifiedEmailOf({ email: 'A@Council.gov.uk', xms_edov: true })).toBe('a@council.gov.uk');
	});
});

describe('identityOf', () => {
	it('keeps the issuer, client and subject with the verified email', () => {
		expect(
			identityOf('https://idp.example', 'gt', {
				sub: 'abc',
				email: 'x@demo.test',
				email_verified: true
			})
		).toEqual({
			issuer: 'https://idp.example',
			clientId: 'gt',
			subject: 'abc',
			verifiedEmail: 'x@demo.test'
		});
	});
});
