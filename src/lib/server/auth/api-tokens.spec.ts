import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newUser, testDatabases } from '../db/testing';
import { addMs, timestamp } from '../db/time';
import { createApiToken, holderOfApiToken } from './api-tokens';

const seconds = (n: number) => n * 1000;

// A reporting tool may call the API many times a minute: when a token was last used is kept to
// the minute, as a session's last activity is, not written on every call.

describe.each(testDatabases())('an API token on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	const lastUsed = async (id: string) =>
		(
			await db
				.selectFrom('api_tokens')
				.select('last_used_at')
				.where('id', '=', id)
				.executeTakeFirstOrThrow()
		).last_used_at;

	it('notes its last use at most once a minute', async () => {
		const ownerId = await newUser(db, { roles: ['psw'] });
		const made = new Date('2026-12-02T09:00:00Z');
		const { id, token } = await createApiToken(db, ownerId, 'Power BI', 'api', made);
		expect(await lastUsed(id)).toBeNull();

		const first = addMs(made, seconds(5));
		expect(await holderOfApiToken(db, token, first)).toMatchObject({ tokenId: id });
		expect(await lastUsed(id)).toBe(timestamp(first));

		// Within the minute: it acts, and its last use stays as it was.
		expect(await holderOfApiToken(db, token, addMs(first, seconds(59)))).toMatchObject({
			tokenId: id
		});
		expect(await lastUsed(id)).toBe(timestamp(first));

		const later = addMs(first, seconds(60));
		await holderOfApiToken(db, token, later);
		expect(await lastUsed(id)).toBe(timestamp(later));
	});
});
