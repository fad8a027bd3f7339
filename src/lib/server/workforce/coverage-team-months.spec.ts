import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { testDatabases } from '../db/testing';
import { getFramework } from '../framework';
import { currentSignOffs, signOffOutcome, withdrawSignOff } from '../signoff/signoffs';
import { teamCoverage } from './coverage';
import { parseFilters, type WorkforceFilters } from './filters';
import { newAcceptedEvidence, newTeam } from './testing';

// Coverage by team kept by month (2026-12-10-04), against the same counted afresh from the
// accepted outcomes and the sign-off log after every kind of change: evidence accepted and moved,
// an outcome signed off and withdrawn, a person's team, active state or practitioner role.

const framework = getFramework()!;
const version = framework.version.id;

describe.each(testDatabases())('coverage kept by team on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	// A database each: the figures count everyone.
	beforeEach(async () => ({ db, close } = await database.open()));
	afterEach(() => close());

	/** Active practitioners, as the workforce view counts them. */
	const active = sql<boolean>`u.active = 1 and exists (select 1 from user_roles r
		where r.user_id = u.id and r.role = 'practitioner')`;

	async function expectAgreement() {
		const kept = await db
			.selectFrom('coverage_team_months')
			.select(['team_key', 'outcome_id', 'kind', 'month', 'n'])
			.where('framework_version', '=', version)
			.execute();
		const accepted = await db
			.selectFrom('users as u')
			.innerJoin('accepted_outcomes as a', 'a.owner_id', 'u.id')
			.select([
				sql<string>`coalesce(u.team_id, '')`.as('team_key'),
				'a.outcome_id',
				sql<string>`'accepted'`.as('kind'),
				sql<string>`substr(a.latest_on, 1, 7)`.as('month'),
				(eb) => eb.fn.countAll<number>().as('n')
			])
			.where('a.framework_version', '=', version)
			.where(active)
			.groupBy([sql`coalesce(u.team_id, '')`, 'a.outcome_id', sql`substr(a.latest_on, 1, 7)`])
			.execute();
		const signed = await db
			.selectFrom(currentSignOffs(db, version).select('s.created_at').as('s'))
			.innerJoin('users as u', 'u.id', 's.practitioner_id')
			.select([
				sql<string>`coalesce(u.team_id, '')`.as('team_key'),
				's.outcome_id',
				sql<string>`'signed'`.as('kind'),
				sql<string>`substr(s.created_at, 1, 7)`.as('month'),
				(eb) => eb.fn.countAll<number>().as('n')
			])
			.where(active)
			.groupBy([sql`coalesce(u.team_id, '')`, 's.outcome_id', sql`substr(s.created_at, 1, 7)`])
			.execute();
		const plain = <T extends { n: number | string }>(rows: T[]) =>
			rows
				.map((r) => ({ ...r, n: Number(r.n) }))
				.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
		expect(plain(kept)).toEqual(plain([...accepted, ...signed]));
		return plain(kept);
	}

	const signOff = (manager: string, person: string, outcomeId: string, evidenceId: string) =>
		signOffOutcome(db, manager, person, {
			frameworkVersion: version,
			outcomeId,
			rationale: 'Met.',
			evidenceIds: [evidenceId]
		});

	it('agree with the records after accepting, signing off, withdrawing, moving and deactivating', async () => {
		const a = await newTeam(db, 2);
		const b = await newTeam(db, 1);
		const [p1, p2] = a.people;
		const e1 = await newAcceptedEvidence(db, p1, a.manager, '2.3', '2026-03-10');
		await newAcceptedEvidence(db, p1, a.manager, '2.3', '2026-05-02');
		const e2 = await newAcceptedEvidence(db, p2, a.manager, '3.1', '2026-04-01');
		let kept = await expectAgreement();
		// p1's latest accepted record for 2.3 is May's.
		expect(kept.filter((r) => r.team_key === a.id).map((r) => [r.outcome_id, r.month])).toEqual([
			['2.3', '2026-05'],
			['3.1', '2026-04']
		]);

		await signOff(a.manager, p1, '2.3', e1);
		await signOff(a.manager, p2, '3.1', e2);
		await expectAgreement();
		await withdrawSignOff(db, a.manager, p2, {
			frameworkVersion: version,
			outcomeId: '3.1',
			reason: 'Signed off too soon.'
		});
		kept = await expectAgreement();
		expect(kept.filter((r) => r.kind === 'signed').map((r) => r.outcome_id)).toEqual(['2.3']);

		// The later record's date moved: the latest accepted date moves with it.
		await db
			.updateTable('evidence')
			.set({ activity_date: '2026-01-15' })
			.where('owner_id', '=', p1)
			.where('activity_date', '=', '2026-05-02')
			.execute();
		await expectAgreement();

		// The kept pair written directly (the app deletes and inserts it).
		await db
			.updateTable('accepted_outcomes')
			.set({ latest_on: '2026-02-01' })
			.where('owner_id', '=', p2)
			.execute();
		await expectAgreement();

		// Moved to another team, out of any team, deactivated, and the practitioner role taken away.
		await db.updateTable('users').set({ team_id: b.id }).where('id', '=', p1).execute();
		kept = await expectAgreement();
		expect(kept.filter((r) => r.team_key === b.id && r.kind === 'signed')).toHaveLength(1);
		await db.updateTable('users').set({ team_id: null }).where('id', '=', p2).execute();
		await expectAgreement();
		await db.updateTable('users').set({ active: 0 }).where('id', '=', p1).execute();
		await expectAgreement();
		await db.updateTable('users').set({ active: 1 }).where('id', '=', p1).execute();
		await db
			.deleteFrom('user_roles')
			.where('user_id', '=', p1)
			.where('role', '=', 'practitioner')
			.execute();
		kept = await expectAgreement();
		expect(kept.filter((r) => r.team_key === b.id)).toEqual([]);
		await db.insertInto('user_roles').values({ user_id: p1, role: 'practitioner' }).execute();
		await expectAgreement();
	});

	it.each(['2026-11-20', '2026-11-05'])(
		'give coverage by team the figures counted from the records, for a period starting mid-month (to %s), a page and a team',
		async (today) => {
			const a = await newTeam(db, 2);
			const b = await newTeam(db, 2);
			// 3 November 2025 is before the period; 25 November is in its part month; the rest kept. A
			// year to the 20th counts the part month's days from the records; to the 5th, November kept
			// less its first four days.
			await newAcceptedEvidence(db, a.people[0], a.manager, '2.3', '2025-11-03');
			const part = await newAcceptedEvidence(db, a.people[1], a.manager, '2.3', '2025-11-25');
			await signOff(a.manager, a.people[1], '2.3', part);
			const kept = await newAcceptedEvidence(db, b.people[0], b.manager, '3.1', '2026-03-01');
			await signOff(b.manager, b.people[0], '3.1', kept);
			// Signed off now, whatever the records' dates: in the period.
			const byTeam = async (filters: WorkforceFilters, paging?: { page: number; size: number }) =>
				(await teamCoverage(db, framework, filters, today, paging)).rows;
			// Everyone is of one career stage in each team; a stage is counted from the records.
			const stageOf = async (team: { people: string[] }) =>
				(
					await db
						.selectFrom('users')
						.select('career_stage')
						.where('id', 'in', team.people)
						.execute()
				).map((r) => r.career_stage);
			expect((await stageOf(a)).sort()).toEqual(['asye', 'social-worker']);
			const year = parseFilters(new URLSearchParams({ period: '12m' }));
			const all = parseFilters(new URLSearchParams({ period: 'all' }));
			for (const filters of [year, all, { ...year, teamId: a.id }]) {
				const rows = await byTeam(filters);
				const row = (t: { id: string }) => rows.find((r) => r.teamId === t.id)!;
				expect(row(a)).toMatchObject({
					practitioners: 2,
					'evidence:2.3': filters.period === 'all' ? 100 : 50,
					'signedOff:2.3': 50
				});
				if (!filters.teamId)
					expect(row(b)).toMatchObject({ 'evidence:3.1': 50, 'signedOff:3.1': 50 });
			}
			// A page of one team counts that team alone, as the whole does.
			const page = await byTeam(year, { page: 1, size: 1 });
			expect(page).toHaveLength(1);
			expect(page[0]).toEqual((await byTeam(year)).find((r) => r.teamId === page[0].teamId));
			// Counted from the records for a stage: the ASYE in team a has only the record from before.
			const asye = await byTeam({ ...year, stage: 'asye' });
			expect(asye.find((r) => r.teamId === a.id)).toMatchObject({
				practitioners: 1,
				'evidence:2.3': 0,
				'signedOff:2.3': 0
			});
		}
	);
});
