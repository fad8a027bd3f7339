import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { describe, expect, it } from 'vitest';
import { newRecoveryCodes, normaliseRecoveryCode, recoveryCodeHash } from './recovery-codes';
import {
	groupedKey,
	newTotpKey,
	timeStep,
	totpCode,
	totpKeyBytes,
	totpQrCode,
	totpStep,
	totpUri
} from './totp';

// RFC 6238's own SHA-1 test key, "12345678901234567890", as an app would be given it.
const rfcKey = encodeBase32UpperCaseNoPadding(new TextEncoder().encode('12345678901234567890'));
const at = (seconds: number) => new Date(seconds * 1000);

describe('time-based codes', () => {
	it('match RFC 6238’s test values (their last six digits)', () => {
		expect(totpCode(rfcKey, timeStep(at(59)))).toBe('287082');
		expect(totpCode(rfcKey, timeStep(at(1111111109)))).toBe('081804');
		expect(totpCode(rfcKey, timeStep(at(2000000000)))).toBe('279037');
	});

	it('accept the step before and after, tell which step, and refuse anything further', () => {
		const now = at(1111111109);
		const step = timeStep(now);
		expect(totpStep(rfcKey, totpCode(rfcKey, step), 0, now)).toBe(step);
		expect(totpStep(rfcKey, totpCode(rfcKey, step - 1), 0, now)).toBe(step - 1);
		expect(totpStep(rfcKey, totpCode(rfcKey, step + 1), 0, now)).toBe(step + 1);
		expect(totpStep(rfcKey, totpCode(rfcKey, step - 2), 0, now)).toBeUndefined();
		expect(totpStep(rfcKey, totpCode(rfcKey, step + 2), 0, now)).toBeUndefined();
	});

	it('refuse a code for a step already used, so a code works once', () => {
		const now = at(1111111109);
		const step = timeStep(now);
		expect(totpStep(rfcKey, totpCode(rfcKey, step), step, now)).toBeUndefined();
		expect(totpStep(rfcKey, totpCode(rfcKey, step - 1), step - 1, now)).toBeUndefined();
		expect(totpStep(rfcKey, totpCode(rfcKey, step + 1), step, now)).toBe(step + 1);
	});

	it('take a code typed with spaces, and refuse what is not six digits', () => {
		const now = at(59);
		for (const typed of ['287082', '287 082', ' 287-082 '])
			expect(totpStep(rfcKey, typed, 0, now)).toBe(1);
		for (const typed of ['', '28708', '2870821', 'abcdef', '２８７０８２', '287082a'])
			expect(totpStep(rfcKey, typed, 0, now), typed).toBeUndefined();
	});

	it('make 160-bit keys, and read back only a key of that length', () => {
		const key = newTotpKey();
		expect(key).toMatch(/^[A-Z2-7]{32}$/);
		expect(newTotpKey()).not.toBe(key);
		expect(totpKeyBytes(key)).toHaveLength(20);
		expect(totpKeyBytes(groupedKey(key).toLowerCase())).toEqual(totpKeyBytes(key));
		for (const bad of ['', 'AAAA', `${key}AAAAAAAA`, 'not base32 at all!', '__proto__'])
			expect(totpKeyBytes(bad), bad).toBeUndefined();
		expect(totpStep('not a key', '123456', 0)).toBeUndefined();
	});

	it('give the app an otpauth address and a QR code for it', () => {
		expect(totpUri(rfcKey, 'sam@council.gov.uk')).toBe(
			`otpauth://totp/Golden%20Thread:sam%40council.gov.uk?issuer=Golden+Thread&algorithm=SHA1&secret=${rfcKey}&period=30&digits=6`
		);
		const qr = totpQrCode(rfcKey, 'sam@council.gov.uk');
		expect(qr.size).toBeGreaterThanOrEqual(21);
		expect(qr.path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
	});
});

describe('recovery codes', () => {
	it('are ten different 80-bit codes in groups of four', () => {
		const codes = newRecoveryCodes();
		expect(codes).toHaveLength(10);
		expect(new Set(codes).size).toBe(10);
		for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
	});

	it('are read as typed, in any case, with or without hyphens and spaces', () => {
		const [code] = newRecoveryCodes();
		const plain = code.replaceAll('-', '');
		expect(normaliseRecoveryCode(code)).toBe(plain);
		expect(normaliseRecoveryCode(` ${code.toUpperCase().replaceAll('-', ' ')} `)).toBe(plain);
		for (const bad of ['', '123456', `${plain}a`, plain.slice(1), `${plain.slice(1)}1`])
			expect(normaliseRecoveryCode(bad), bad).toBeUndefined();
		expect(recoveryCodeHash(plain)).toMatch(/^[0-9a-f]{64}$/);
		expect(recoveryCodeHash(plain)).not.toContain(plain);
	});
});
