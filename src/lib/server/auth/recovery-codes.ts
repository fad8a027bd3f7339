import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { sessionIdFor } from './session';

// Recovery codes: ten, each usable once, for when the authenticator app is lost. Each is 80
// random bits (16 base32 characters, shown in groups of four), so a SHA-256 hash is enough to
// keep it: nobody can try every code against a stolen hash, as they could a password.

export const recoveryCodeCount = 10;

export function newRecoveryCodes(): string[] {
	return Array.from({ length: recoveryCodeCount }, () => {
		const bytes = new Uint8Array(10);
		crypto.getRandomValues(bytes);
		return encodeBase32LowerCaseNoPadding(bytes).match(/.{4}/g)!.join('-');
	});
}

/** A code as typed, in any case, with or without its hyphens and spaces: undefined if not one. */
export function normaliseRecoveryCode(typed: string) {
	const code = typed.replace(/[\s-]/g, '').toLowerCase();
	return /^[a-z2-7]{16}$/.test(code) ? code : undefined;
}

/** What is stored for a code: the hash of its normalised form. */
export const recoveryCodeHash = (normalised: string) => sessionIdFor(normalised);
