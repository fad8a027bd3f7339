import { normaliseEmail } from './sign-in';

/** Who the OpenID provider says signed in: its subject, and their email if it vouches for it. */
export interface SsoIdentity {
	issuer: string;
	clientId: string;
	subject: string;
	/** Normalised, and only when the provider says the address is verified; otherwise null. */
	verifiedEmail: string | null;
}

/**
 * The email address an ID token vouches for: one whose `email_verified` is true. Entra ID
 * sends no `email_verified` for work accounts; it says instead, in the optional `xms_edov`
 * claim, that the address's domain is one the tenant has proved it owns, and that is taken in
 * its place when `email_verified` is absent (never when it is false).
 */
export function verifiedEmailOf(claims: Record<string, unknown>): string | null {
	const { email, email_verified: verified, xms_edov: domainVerified } = claims;
	if (typeof email !== 'string' || !email.includes('@')) return null;
	const vouched = verified === undefined ? domainVerified === true : verified === true;
	return vouched ? normaliseEmail(email) : null;
}

export function identityOf(
	issuer: string,
	clientId: string,
	claims: { sub: string } & Record<string, unknown>
): SsoIdentity {
	return { issuer, clientId, subject: claims.sub, verifiedEmail: verifiedEmailOf(claims) };
}
