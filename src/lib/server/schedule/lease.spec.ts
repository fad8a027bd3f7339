import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { hours } from '../db/time';
import { testDatabases } from '../db/testing';
import { readLease, releaseLease, takeLease } from './lease';
import { runOnceAcrossServers, thisServer } from './once';

describe.each(testDatabases())('leases on scheduled work, on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	const at = (time: string) => new Date(`2026-12-05T${time}:00.000Z`);

	it('goes to one of two servers, until it expires; then to whichever asks first', async () => {
		const take = (holder: string, time: string) =>
			takeLease(db, 'reminders', holder, hours(6), at(time));
		expect(await take('server-a', '09:00')).toBe(true);
		expect(await take('server-b', '09:00')).toBe(false);
		expect(await take('server-b', '14:59')).toBe(false);
		expect(await readLease(db, 'reminders')).toEqual({
			name: 'reminders',
			holder: 'server-a',
			expiresAt: '2026-12-05T15:00:00.000Z'
		});
		// Its holder renews it before it expires; then it is still nobody else's.
		expect(await take('server-a', '12:00')).toBe(true);
		expect(await take('server-b', '15:00')).toBe(false);
		expect(await take('server-b', '18:00')).toBe(true);
		expect(await take('server-a', '18:30')).toBe(false);
		expect((await readLease(db, 'reminders'))?.holder).toBe('server-b');
	});

	it('is taken by exactly one of several servers asking at once', async () => {
		const asking = ['a', 'b', 'c', 'd', 'e'].map((holder) =>
			takeLease(db, 'at-once', holder, hours(1), at('09:00'))
		);
		expect((await Promise.all(asking)).filter(Boolean)).toHaveLength(1);
	});

	it('is free for another once its holder releases it, and not before', async () => {
		expect(await takeLease(db, 'retention', 'server-a', hours(6), at('02:00'))).toBe(true);
		await releaseLease(db, 'retention', 'server-b');
		expect(await takeLease(db, 'retention', 'server-b', hours(6), at('02:01'))).toBe(false);
		await releaseLease(db, 'retention', 'server-a');
		expect(await readLease(db, 'retention')).toBeUndefined();
		expect(await takeLease(db, 'retention', 'server-b', hours(6), at('02:01'))).toBe(true);
	});

	it('runs a job on one server in each period, whichever asks first', async () => {
		const ran: string[] = [];
		const job = (time: string) =>
			runOnceAcrossServers(db, 'job', hours(6), async () => void ran.push(time), at(time));
		const other = (time: string) => takeLease(db, 'job', 'server-b', hours(6), at(time));
		expect(await job('09:00')).toBe(true);
		expect(await other('11:00')).toBe(false);
		// Its next turn, six hours on, finds the lease expired (it was taken for a minute less).
		expect(await job('15:00')).toBe(true);
		expect((await readLease(db, 'job'))?.holder).toBe(thisServer);
		// The other server asks first in the next period: this one does nothing in it.
		expect(await other('21:00')).toBe(true);
		expect(await job('21:00')).toBe(false);
		expect(ran).toEqual(['09:00', '15:00']);
	});
});
