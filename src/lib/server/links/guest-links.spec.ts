import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { testDatabases } from '../db/testing';
import { addMs, minutes } from '../db/time';
import { guestLinkLimits } from '../auth/rate-limit';
import {
	createGuestLink,
	guestLinkLifetime,
	openGuestLink,
	spendGuestLink,
	withdrawGuestLinks
} from './guest-links';

const sent = new Date('2026-11-02T09:00:00Z');
// Each test uses an address of its own, so their guessing limits do not meet.
const address = () => `10.${newId().slice(0, 8)}`;

describe.each(testDatabases())('links without an account on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	const link = (subject = newId()) => createGuestLink(db, 'feedback', subject, { now: sent });

	it('opens for 14 days and no longer: on 16 November at 08:59:59 it is open, at 09:00 expired', async () => {
		const token = await link();
		const here = address();
		const last = new Date('2026-11-16T08:59:59Z');
		expect(addMs(sent, guestLinkLifetime)).toEqual(new Date('2026-11-16T09:00:00Z'));
		expect(await openGuestLink(db, token, 'feedback', here, last)).toMatchObject({
			state: 'open',
			expiresAt: new Date('2026-11-16T09:00:00Z')
		});
		expect(
			await openGuestLink(db, token, 'feedback', here, new Date('2026-11-16T09:00:00Z'))
		).toEqual({ state: 'expired', expiresAt: new Date('2026-11-16T09:00:00Z') });
		const open = await openGuestLink(db, token, 'feedback', here, last);
		if (open.state !== 'open') throw new Error('the link should be open');
		expect(await spendGuestLink(db, open.id, new Date('2026-11-16T09:00:00Z'))).toBe(false);
	});

	it('is used once: the second answer is refused, and the link then reads as used', async () => {
		const subject = newId();
		const token = await link(subject);
		const here = address();
		const at = new Date('2026-11-03T10:00:00Z');
		const open = await openGuestLink(db, token, 'feedback', here, at);
		expect(open).toMatchObject({ state: 'open', subjectId: subject });
		if (open.state !== 'open') throw new Error('the link should be open');
		const spends = await Promise.all([
			spendGuestLink(db, open.id, at),
			spendGuestLink(db, open.id, at)
		]);
		expect(spends.sort()).toEqual([false, true]);
		expect(await openGuestLink(db, token, 'feedback', here, at)).toEqual({
			state: 'used',
			usedAt: at
		});
	});

	it('opens only for its own purpose, and withdrawn links read as expired', async () => {
		const subject = newId();
		const token = await link(subject);
		const here = address();
		const at = new Date('2026-11-03T10:00:00Z');
		expect(await openGuestLink(db, token, 'health-check', here, at)).toEqual({ state: 'unknown' });
		await withdrawGuestLinks(db, 'feedback', [subject], at);
		expect(await openGuestLink(db, token, 'feedback', here, at)).toEqual({
			state: 'expired',
			expiresAt: at
		});
	});

	it('stops an address after 20 wrong tokens in 15 minutes, whatever it then tries, and not others', async () => {
		const token = await link();
		const [guesser, family] = [address(), address()];
		const start = new Date('2026-11-03T10:00:00Z');
		// Opening a real link, however often, is no guess.
		for (let n = 0; n < guestLinkLimits.address.max + 5; n++)
			expect((await openGuestLink(db, token, 'feedback', guesser, start)).state).toBe('open');
		for (let n = 0; n < guestLinkLimits.address.max; n++)
			expect(
				(await openGuestLink(db, `guess${n}`, 'feedback', guesser, addMs(start, n * 1000))).state
			).toBe('unknown');
		const later = addMs(start, minutes(5));
		expect(await openGuestLink(db, token, 'feedback', guesser, later)).toEqual({
			state: 'limited',
			retryAt: addMs(start, guestLinkLimits.address.window)
		});
		expect((await openGuestLink(db, token, 'feedback', family, later)).state).toBe('open');
		// When the first guess leaves the window, one more try is allowed.
		const after = addMs(start, guestLinkLimits.address.window + 1);
		expect((await openGuestLink(db, token, 'feedback', guesser, after)).state).toBe('open');
	});
});
