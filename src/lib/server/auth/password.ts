import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// argon2id (the library's default algorithm) at OWASP's minimum: 19 MiB, 2 passes, 1 lane.
const options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

export const minimumPasswordLength = 12;
const maximumPasswordLength = 256;

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

const common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/** Why a new password would be refused, in words for the person choosing it; undefined when fine. */
export function passwordProblem(password: string, email?: string): string | undefined {
	if (password.length < minimumPasswordLength) {
		return `Password must be ${minimumPasswordLength} characters or more`;
	}
	if (password.length > maximumPasswordLength) {
		return `Password must be ${maximumPasswordLength} characters or fewer`;
	}
	const lower = password.toLowerCase();
	// Also catch a common password with digits or symbols tacked on, like "password12345".
	const stem = lower.replace(/[^a-z]+$/, '');
	if (common.has(lower) || (stem.length >= 4 && common.has(stem)) || /^(.)\1+$/.test(password)) {
		return 'Password is too common: choose one that would be hard to guess, such as three random words';
	}
	const local = email?.split('@')[0].toLowerCase();
	if (local && local.length >= 4 && lower.includes(local)) {
		return 'Password must not contain your email address';
	}
	return undefined;
}
