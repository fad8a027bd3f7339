import { createTOTPKeyURI, generateHOTP, verifyHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import QRCode from 'qrcode';

// Time-based one-time passwords (RFC 6238) as every authenticator app makes them: SHA-1, six
// digits, a new code every 30 seconds. A TOTP code is the HOTP code (RFC 4226) of the time step,
// so checking steps one by one tells which step a code was for, and a step once used is refused.

const period = 30;
const digits = 6;
const keyBytes = 20;
const issuer = 'Golden Thread';

/** A new key, 160 random bits as RFC 4226 recommends, in base32 as the app is given it. */
export function newTotpKey(): string {
	const bytes = new Uint8Array(keyBytes);
	crypto.getRandomValues(bytes);
	return encodeBase32UpperCaseNoPadding(bytes);
}

/** The key's bytes, or undefined when the text is not a key of ours (sent back by a form). */
export function totpKeyBytes(key: string): Uint8Array | undefined {
	try {
		const bytes = decodeBase32IgnorePadding(key.replace(/\s+/g, '').toUpperCase());
		return bytes.length === keyBytes ? bytes : undefined;
	} catch {
		return undefined;
	}
}

/** The key in groups of four characters, for typing into an app that cannot scan. */
export const groupedKey = (key: string) => key.match(/.{1,4}/g)!.join(' ');

/** What the QR code holds: `otpauth://totp/…`, naming the service and the person's email. */
export const totpUri = (key: string, email: string) =>
	createTOTPKeyURI(issuer, email, totpKeyBytes(key)!, period, digits);

/**
 * The QR code an app scans to take the key, as the page draws it in SVG: its size in modules
 * and one path of a unit square per dark module. Made on the server, so no script is needed.
 */
export function totpQrCode(key: string, email: string) {
	const { modules } = QRCode.create(totpUri(key, email), { errorCorrectionLevel: 'M' });
	let path = '';
	for (let row = 0; row < modules.size; row++)
		for (let column = 0; column < modules.size; column++)
			if (modules.get(row, column)) path += `M${column} ${row}h1v1h-1z`;
	return { size: modules.size, path };
}

/** The time step an instant falls in. */
export const timeStep = (now: Date) => Math.floor(now.getTime() / 1000 / period);

/** The code for a time step (the current one unless told): what the app would show. */
export const totpCode = (key: string, step = timeStep(new Date())) =>
	generateHOTP(totpKeyBytes(key)!, BigInt(step), digits);

/**
 * The time step a code is right for: this step, the one before or the one after (a phone's
 * clock a little out, or a code typed as it changed), and only a step after `usedStep`, so a
 * code seen over someone's shoulder cannot be used again. Undefined when it is not right.
 */
export function totpStep(key: string, code: string, usedStep: number, now = new Date()) {
	const bytes = totpKeyBytes(key);
	const typed = code.replace(/[\s-]/g, '');
	if (!bytes || !/^\d{6}$/.test(typed)) return undefined;
	const step = timeStep(now);
	for (const candidate of [step - 1, step, step + 1])
		if (candidate > usedStep && verifyHOTP(bytes, BigInt(candidate), digits, typed))
			return candidate;
	return undefined;
}
