import type { Updateable } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceTable } from '../db/schema';
import type { Db } from '../db';
import { testDatabases } from '../db/testing';
import { createEvidence } from '../portfolio/evidence';
import { cpdFigures } from '../workforce/cpd';
import { registrationYear, type CpdRule } from '../workforce/cpd-rule';
import { parseFilters } from '../workforce/filters';
import { cpdRecord, newAcceptedEvidence, newTeam } from '../workforce/testing';
import { keepCpdYears, keptYearsFollow } from './kept-years';
import { testCpdRule } from './testing';

// Each person's CPD by registration year, kept by triggers (2026-12-10-03), against the same
// counted afresh from their records after every kind of change, and when the rule's day changes.

describe.each(testDatabases())('the kept CPD years on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeEach(async () => ({ db, close } = await database.open()));
	afterEach(() => close());

	/** The kept years, and the same counted from the records with the rule's years. */
	async function expectAgreement(rule: CpdRule) {
		const kept = (
			await db
				.selectFrom('cpd_years')
				.select(['user_id', 'year_start', 'records', 'peer_reflected', 'minutes'])
				.execute()
		).map((r) => ({
			...r,
			records: Number(r.records),
			peer_reflected: Number(r.peer_reflected),
			minutes: Number(r.minutes)
		}));
		const records = await db
			.selectFrom('evidence')
			.select(['owner_id', 'activity_date', 'peer_reflected', 'cpd_minutes'])
			.where('cpd_type', 'is not', null)
			.where('status', '!=', 'draft')
			.where('activity_date', 'is not', null)
			.execute();
		const counted = new Map<string, (typeof kept)[number]>();
		for (const r of records) {
			const year_start = registrationYear(rule, r.activity_date!).start;
			const key = `${r.owner_id} ${year_start}`;
			const row = counted.get(key) ?? {
				user_id: r.owner_id,
				year_start,
				records: 0,
				peer_reflected: 0,
				minutes: 0
			};
			row.records += 1;
			row.peer_reflected += r.peer_reflected === 1 ? 1 : 0;
			row.minutes += r.cpd_minutes ?? 0;
			counted.set(key, row);
		}
		const order = (rows: typeof kept) =>
			rows.sort((a, b) =>
				`${a.user_id} ${a.year_start}`.localeCompare(`${b.user_id} ${b.year_start}`)
			);
		expect(order(kept)).toEqual(order([...counted.values()]));
		return order(kept);
	}

	const setRecord = (id: string, values: Updateable<EvidenceTable>) =>
		db.updateTable('evidence').set(values).where('id', '=', id).execute();

	it('agree with the records after submitting, changing, moving between years and people, and deleting', async () => {
		const rule = testCpdRule;
		const t = await newTeam(db, 2);
		const [a, b] = t.people;
		// A draft counts nowhere.
		await createEvidence(db, a, {
			...cpdRecord('2026-03-01', { minutes: 30, peer: false }),
			title: 'Draft'
		});
		expect(await expectAgreement(rule)).toEqual([]);
		const first = await newAcceptedEvidence(db, a, t.manager, '2.3', '2026-03-01', {
			minutes: 90,
			peer: true
		});
		await newAcceptedEvidence(db, a, t.manager, '2.3', '2026-11-30', { minutes: 30, peer: false });
		const other = await newAcceptedEvidence(db, b, t.manager, '2.3', '2026-12-01', {
			minutes: 60,
			peer: false
		});
		// 30 November is the last day of the year from 1 December 2025; 1 December starts the next.
		expect(
			(await expectAgreement(rule)).map((r) => [r.user_id, r.year_start, r.records, r.minutes])
		).toEqual(
			[
				[a, '2025-12-01', 2, 120],
				[b, '2026-12-01', 1, 60]
			].sort((x, y) => `${x[0]} ${x[1]}`.localeCompare(`${y[0]} ${y[1]}`))
		);

		await setRecord(first, { cpd_minutes: 45 });
		await expectAgreement(rule);
		await setRecord(first, { peer_reflected: 0 });
		await expectAgreement(rule);
		await setRecord(first, { activity_date: '2026-12-02' });
		await expectAgreement(rule);
		await setRecord(first, { owner_id: b });
		await expectAgreement(rule);
		await setRecord(first, { status: 'draft' });
		await expectAgreement(rule);
		await setRecord(first, { status: 'submitted', cpd_type: null });
		await expectAgreement(rule);
		await setRecord(first, { cpd_type: 'practice-learning' });
		await expectAgreement(rule);
		await db.deleteFrom('evidence_outcomes').where('evidence_id', '=', other).execute();
		await db.deleteFrom('evidence_statements').where('evidence_id', '=', other).execute();
		await db.deleteFrom('evidence').where('id', '=', other).execute();
		await expectAgreement(rule);

		// The rule's year starting on another day: every year recounted, and the view follows.
		expect(await keptYearsFollow(db, rule)).toBe(true);
		const april = { ...rule, registrationYearStarts: '04-01' };
		await keepCpdYears(db, april);
		expect(await keptYearsFollow(db, rule)).toBe(false);
		expect(await keptYearsFollow(db, april)).toBe(true);
		await expectAgreement(april);
		await newAcceptedEvidence(db, a, t.manager, '2.3', '2026-04-01', { minutes: 15, peer: true });
		await expectAgreement(april);
	});

	it('give the workforce view the figures counted from the records', async () => {
		const rule = testCpdRule;
		const t = await newTeam(db, 3);
		await newAcceptedEvidence(db, t.people[0], t.manager, '2.3', '2026-01-10', {
			minutes: 60,
			peer: true
		});
		await newAcceptedEvidence(db, t.people[0], t.manager, '2.3', '2026-02-10', {
			minutes: 30,
			peer: false
		});
		await newAcceptedEvidence(db, t.people[1], t.manager, '2.3', '2025-11-30', {
			minutes: 60,
			peer: true
		});
		const filters = parseFilters(new URLSearchParams());
		const kept = await cpdFigures(db, rule, filters, '2026-06-01');
		// Kept on another day than the rule's, the view counts the records instead.
		await keepCpdYears(db, { ...rule, registrationYearStarts: '04-01' });
		const counted = await cpdFigures(db, rule, filters, '2026-06-01');
		expect(kept).toEqual(counted);
		const person = (id: string) => kept.tables[1].rows.find((r) => r.practitionerId === id);
		expect(person(t.people[0])).toMatchObject({ records: 2, peerReflected: 1, hours: 1.5 });
		expect(person(t.people[1])).toMatchObject({ records: 0, peerReflected: 0, hours: 0 });
	});
});
