import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPortfolio } from '../export/import';
import { exportedZip } from '../export/testing';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { ownTables, testDatabases } from '../db/testing';
import { timestamp } from '../db/time';
import { seedDemoAuthority } from '../demo/seed';
import { filesDir } from '../portfolio/attachments';
import { hasStoredFile, storeFile } from '../portfolio/file-store';
import { findings, verifyCommand } from '../signoff/testing';
import { reactivatePerson } from '../people/users';
import { createFeedbackRequest } from '../feedback/requests';
import { saveFeedbackAnswer } from '../feedback/save-answer';
import { openGuestLink } from '../links/guest-links';
import { inviteObservation } from '../observation/invitations';
import { erasePerson } from './erase-person';
import { erasedName } from './erase-identity';

// Erasing the demo practitioner with the longest sign-off chain, as an administrator would on her request: every
// table is then searched for her name, her email and the texts of her records, and the file
// store for her file; her sign-off chain must still verify.

const now = new Date('2026-11-23T09:30:00Z');

/** Every text value in every table, with where it is. */
async function everyText(db: Db) {
	const found: { table: string; column: string; text: string }[] = [];
	for (const name of await ownTables(db)) {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- every table, by name
		const rows: Record<string, unknown>[] = await (db as any)
			.selectFrom(name)
			.selectAll()
			.execute();
		for (const row of rows)
			for (const [column, value] of Object.entries(row))
				if (typeof value === 'string')
					found.push({ table: name, column, text: value.toLowerCase() });
	}
	return found;
}

describe.each(testDatabases())('erasing a person on $name', (database) => {
	let db: Db;
	let url: string;
	let close: () => Promise<void>;
	let admin: string;
	beforeAll(async () => {
		({ db, url, close } = await database.open());
		await seedDemoAuthority(db, now);
		admin = (await user('admin@demo.test')).id;
	});
	afterAll(() => close());

	const user = (email: string) =>
		db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

	/** Her texts long enough to be hers alone: titles, accounts, reflections, supervision notes. */
	async function textsOf(id: string) {
		const evidence = await db
			.selectFrom('evidence')
			.select(['title', 'account', 'reflection'])
			.where('owner_id', '=', id)
			.execute();
		const records = await db
			.selectFrom('supervision_records')
			.select('discussion')
			.where('practitioner_id', '=', id)
			.execute();
		const reflections = await db
			.selectFrom('review_reflections')
			.innerJoin('enrolments', 'enrolments.id', 'review_reflections.enrolment_id')
			.select('reflection')
			.where('enrolments.user_id', '=', id)
			.execute();
		const signoffs = await db
			.selectFrom('signoffs')
			.select('rationale')
			.where('practitioner_id', '=', id)
			.execute();
		return [
			...evidence.flatMap((e) => [e.title, e.account, e.reflection]),
			...records.map((r) => r.discussion),
			...reflections.map((r) => r.reflection),
			...signoffs.map((s) => s.rationale)
		].filter((text) => text.length >= 40);
	}

	/** Things only she has: a file of her own, a session, a link, an email, a line in a staff file. */
	async function addHers(person: { id: string; name: string; email: string }) {
		const bytes = new TextEncoder().encode(`A certificate for ${person.name}, ${newId()}`);
		const hash = await storeFile(filesDir(), bytes);
		const record = await db
			.selectFrom('evidence')
			.select('id')
			.where('owner_id', '=', person.id)
			.executeTakeFirstOrThrow();
		await db
			.insertInto('attachments')
			.values({
				id: newId(),
				evidence_id: record.id,
				file_hash: hash,
				name: `${person.name} certificate.pdf`,
				mime: 'application/pdf',
				size: bytes.length,
				created_at: timestamp(now),
				created_by: person.id
			})
			.execute();
		await db
			.insertInto('sessions')
			.values({
				id: newId(),
				user_id: person.id,
				created_at: timestamp(),
				last_seen_at: timestamp()
			})
			.execute();
		await db
			.insertInto('outbox')
			.values({
				id: newId(),
				recipient: 'supervisor@demo.test',
				subject: `${person.name} submitted a record`,
				body: 'Please review it.',
				created_at: timestamp(now),
				sent_at: null,
				error: null
			})
			.execute();
		await db
			.insertInto('imports')
			.values({
				id: newId(),
				file_name: 'staff.csv',
				content: `email,given_name\r\n${person.email.toUpperCase()},Someone\r\nother@demo.test,Other\r\n`,
				content_sha256: '0'.repeat(64),
				everyone: 0,
				create_teams: 0,
				uploaded_by: admin,
				uploaded_at: timestamp(now),
				applied_by: admin,
				applied_at: timestamp(now),
				summary: '{}'
			})
			.execute();
		// An observer from outside she invited: their name and address are hers to erase too.
		await inviteObservation(
			db,
			person.id,
			{
				observer: 'external',
				observerName: `Mentor of ${person.name}`,
				observerEmail: `mentor.${person.email}`,
				plannedOn: '2026-11-30',
				setting: 'Home visit'
			},
			'http://localhost:3000',
			now
		);
		return { hash, size: bytes.length, ...(await askedForFeedback(person)) };
	}

	/** Feedback she asked for by link: one answered by a colleague, one still waiting. */
	async function askedForFeedback(person: { id: string; name: string }) {
		const [giver, address] = [`Giver ${newId()}`, `${newId()}@feedback.test`];
		const request = { relationship: 'colleague' as const, name: giver, evidence: null };
		const answered = await createFeedbackRequest(db, person, { ...request, email: address });
		const link = await openGuestLink(db, answered.token, 'feedback', 'erasure test');
		if (link.state !== 'open') throw new Error('the link should be open');
		await saveFeedbackAnswer(db, link, { scale: null, texts: { strengths: 'Calm and clear' } });
		await createFeedbackRequest(db, person, { ...request, email: `waiting-${address}` });
		return { probes: [giver, address], requests: [answered.id] };
	}

	it('leaves no trace of her name, email, texts or files, and her sign-off chain verifies', async () => {
		// The practitioner with the longest sign-off chain.
		const [longest] = await db
			.selectFrom('signoffs')
			.select(['practitioner_id', (eb) => eb.fn.countAll<number>().as('n')])
			.groupBy('practitioner_id')
			.orderBy('n', 'desc')
			.orderBy('practitioner_id')
			.execute();
		const priya = await db
			.selectFrom('users')
			.selectAll()
			.where('id', '=', longest.practitioner_id)
			.executeTakeFirstOrThrow();
		const file = await addHers(priya);
		// She brought her portfolio from elsewhere too: its histories and sign-offs name her.
		const { zip } = await exportedZip(db, priya.id);
		await importPortfolio(db, priya.id, { name: `${priya.name}.zip`, bytes: zip });
		// The demo's texts are written once and shared out: only hers alone can be looked for.
		const others = await db.selectFrom('users').select('id').where('id', '!=', priya.id).execute();
		const theirs = (await Promise.all(others.map((o) => textsOf(o.id)))).flat();
		const probes = [priya.name, priya.email, ...file.probes, ...(await textsOf(priya.id))]
			.filter((text) => !theirs.some((t) => t.includes(text)))
			.map((t) => t.toLowerCase());
		expect(probes.length).toBeGreaterThan(5);
		const traces = async () =>
			(await everyText(db)).flatMap(({ table, column, text }) =>
				probes.filter((p) => text.includes(p)).map((p) => `${table}.${column}: ${p.slice(0, 40)}`)
			);
		// The search finds her before, so finding nothing after means something.
		expect((await traces()).length).toBeGreaterThan(probes.length);
		const chain = await db
			.selectFrom('signoffs')
			.select('hash')
			.where('practitioner_id', '=', priya.id)
			.orderBy('sequence')
			.execute();
		expect(chain.length).toBeGreaterThan(0);

		const counts = await erasePerson(db, admin, priya.id, now);

		expect(counts).toMatchObject({ signoffs: chain.length, filesDeleted: 1 });
		expect(counts.records).toBeGreaterThan(0);
		expect([...new Set(await traces())]).toEqual([]);
		for (const table of ['observation_invitations', 'observations', 'feedback_requests'] as const)
			expect(
				await db.selectFrom(table).select('id').where('practitioner_id', '=', priya.id).execute()
			).toEqual([]);
		expect(await hasStoredFile(filesDir(), file.hash, file.size)).toBe(false);
		// Her requests for feedback, and their links, are gone with her records.
		expect(
			await db
				.selectFrom('guest_links')
				.select('id')
				.where('subject_id', 'in', file.requests)
				.execute()
		).toEqual([]);
		const erased = await db
			.selectFrom('users')
			.selectAll()
			.where('id', '=', priya.id)
			.executeTakeFirstOrThrow();
		expect(erased).toMatchObject({
			name: erasedName,
			active: 0,
			password_hash: null,
			erased_at: timestamp(now)
		});
		// The chain keeps its hashes, and the check (in the app and on the command line) passes.
		const kept = await db
			.selectFrom('signoffs')
			.select('hash')
			.where('practitioner_id', '=', priya.id)
			.orderBy('sequence')
			.execute();
		expect(kept).toEqual(chain);
		expect(await findings(db)).toEqual([]);
		expect(verifyCommand(url)).toMatchObject({ status: 0 });
		// The event log has counts only.
		const event = await db
			.selectFrom('events')
			.selectAll()
			.where('action', '=', 'person.erased')
			.executeTakeFirstOrThrow();
		expect(event).toMatchObject({ actor_id: admin, subject_type: 'user', subject_id: priya.id });
		expect(Object.values(JSON.parse(event.detail!)).every((n) => typeof n === 'number')).toBe(true);
	});

	it('refuses to erase yourself, nobody, or someone erased already, and never reactivates them', async () => {
		const priya = await db
			.selectFrom('users')
			.select('id')
			.where('name', '=', erasedName)
			.executeTakeFirstOrThrow();
		await expect(erasePerson(db, admin, admin, now)).rejects.toThrow('You cannot erase yourself');
		await expect(erasePerson(db, admin, newId(), now)).rejects.toThrow(
			'There is nobody with this id'
		);
		await expect(erasePerson(db, admin, priya.id, now)).rejects.toThrow(
			'They have been erased already'
		);
		await reactivatePerson(db, admin, priya.id, now);
		expect(
			(
				await db
					.selectFrom('users')
					.select('active')
					.where('id', '=', priya.id)
					.executeTakeFirstOrThrow()
			).active
		).toBe(0);
	});
});
