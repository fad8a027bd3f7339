import { afterAll, describe, expect, it } from 'vitest';
import { isDemoAuthority } from '../../auth/two-factor-policy';
import { readingAllSchemas, testDatabases } from '../testing';
import { migrateToLatest } from '../migrate';
import { migrations } from './index';

const before = Object.fromEntries(
	Object.entries(migrations).filter(([name]) => name < '2026-12-01-02')
);
const at = '2026-01-01T09:00:00.000Z';

describe.each(testDatabases())('the second factor’s migration on $name', (database) => {
	const closing: (() => Promise<void>)[] = [];
	afterAll(async () => {
		for (const close of closing) await close();
	});

	async function migrated(email: string) {
		const { db, close } = await database.open(before);
		closing.push(close);
		await db
			.insertInto('users')
			.values({ id: 'u', email, name: 'U', active: 1, created_at: at })
			.execute();
		await db
			.insertInto('sessions')
			.values({ id: 's', user_id: 'u', created_at: at, last_seen_at: at })
			.execute();
		expect(await readingAllSchemas(db, () => migrateToLatest(db))).toContain(
			'2026-12-01-02-two-factor'
		);
		return db;
	}

	it('marks a database the demo was seeded in, so its accounts keep password-only sign-in', async () => {
		const db = await migrated('admin@demo.test');
		expect(await isDemoAuthority(db)).toBe(true);
		// Sessions from before were all password sign-ins.
		const session = await db.selectFrom('sessions').select('method').executeTakeFirstOrThrow();
		expect(session.method).toBe('password');
	});

	it('leaves an authority’s own database unmarked', async () => {
		expect(await isDemoAuthority(await migrated('admin@council.gov.uk'))).toBe(false);
	});
});
