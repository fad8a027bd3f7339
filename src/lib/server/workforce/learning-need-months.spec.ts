import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import type { LearningNeedStatus } from '../db/schema';
import { newId } from '../db/ids';
import { newUser, testDatabases } from '../db/testing';
import { getFramework } from '../framework';
import { createTeam } from '../people/teams';
import { parseFilters, type WorkforceFilters } from './filters';
import { learningFigures } from './learning';

// Learning needs kept by team and month (2026-12-10-02), against the same counted afresh from the
// needs after every kind of change: to a need, its outcomes, a person's team, active state or
// practitioner role.

const framework = getFramework()!;
const version = framework.version.id;

describe.each(testDatabases())('the kept counts of learning needs on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	// A database each: the figures count everyone's needs.
	beforeEach(async () => ({ db, close } = await database.open()));
	afterEach(() => close());

	const month = sql<string>`substr(ln.created_at, 1, 7)`;
	const team = sql<string>`coalesce(u.team_id, '')`;
	/** The needs of active practitioners, as the workforce view counts them. */
	const needsCounted = () =>
		db
			.selectFrom('users as u')
			.innerJoin('learning_needs as ln', 'ln.practitioner_id', 'u.id')
			.where('u.active', '=', 1)
			.where((eb) =>
				eb.exists(
					eb
						.selectFrom('user_roles as r')
						.select('r.user_id')
						.whereRef('r.user_id', '=', 'u.id')
						.where('r.role', '=', 'practitioner')
				)
			);

	async function expectAgreement() {
		const plain = <T extends { n: number | string }>(rows: T[]) =>
			rows
				.map((r) => ({ ...r, n: Number(r.n) }))
				.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
		const kept = plain(
			await db
				.selectFrom('learning_need_months')
				.select(['team_key', 'month', 'status', 'n'])
				.execute()
		);
		const counted = plain(
			await needsCounted()
				.select([
					team.as('team_key'),
					month.as('month'),
					'ln.status',
					(eb) => eb.fn.countAll<number>().as('n')
				])
				.groupBy([team, month, 'ln.status'])
				.execute()
		);
		expect(kept).toEqual(counted);
		const keptOutcomes = plain(
			await db
				.selectFrom('learning_need_outcome_months')
				.select(['team_key', 'month', 'framework_version', 'outcome_id', 'status', 'n'])
				.execute()
		);
		const countedOutcomes = plain(
			await needsCounted()
				.innerJoin('learning_need_outcomes as lo', 'lo.need_id', 'ln.id')
				.select([
					team.as('team_key'),
					month.as('month'),
					'lo.framework_version',
					'lo.outcome_id',
					'ln.status',
					(eb) => eb.fn.countAll<number>().as('n')
				])
				.groupBy([team, month, 'lo.framework_version', 'lo.outcome_id', 'ln.status'])
				.execute()
		);
		expect(keptOutcomes).toEqual(countedOutcomes);
		return { kept, keptOutcomes };
	}

	async function need(practitioner: string, createdAt: string, outcomes: string[]) {
		const id = newId();
		await db
			.insertInto('learning_needs')
			.values({
				id,
				practitioner_id: practitioner,
				audit_id: null,
				finding_id: null,
				description: 'Plans could say what will change.',
				status: 'open',
				met_by: null,
				met_at: null,
				created_at: `${createdAt}T10:00:00.000Z`
			})
			.execute();
		if (outcomes.length)
			await db
				.insertInto('learning_need_outcomes')
				.values(
					outcomes.map((outcome_id) => ({ need_id: id, framework_version: version, outcome_id }))
				)
				.execute();
		return id;
	}

	async function newTeamOf(careerStage: 'asye' | 'social-worker' = 'asye') {
		const manager = await newUser(db, { roles: ['supervisor'] });
		const id = await createTeam(db, null, `Team ${manager}`, manager);
		const person = await newUser(db, { teamId: id, careerStage });
		return { id, manager, person };
	}

	const setStatus = (id: string, status: LearningNeedStatus) =>
		db.updateTable('learning_needs').set({ status }).where('id', '=', id).execute();

	it('agree with the needs after raising, meeting, retagging, moving, deactivating and erasing', async () => {
		const a = await newTeamOf();
		const b = await newTeamOf();
		const noTeam = await newUser(db, { careerStage: 'asye' });
		const first = await need(a.person, '2026-03-10', ['1.1', '1.2']);
		await need(a.person, '2026-04-02', []);
		await need(b.person, '2026-03-20', ['1.1']);
		await need(noTeam, '2026-03-21', ['2.1']);
		// A manager's need (not a practitioner) counts nowhere.
		await need(a.manager, '2026-03-22', ['1.1']);
		let { kept } = await expectAgreement();
		expect(kept.filter((r) => r.team_key === a.id).map((r) => [r.month, r.n])).toEqual([
			['2026-03', 1],
			['2026-04', 1]
		]);
		expect(kept.filter((r) => r.team_key === '')).toHaveLength(1);

		await setStatus(first, 'submitted');
		await expectAgreement();
		await setStatus(first, 'met');
		await expectAgreement();

		// Outcomes taken off, added and changed.
		await db
			.deleteFrom('learning_need_outcomes')
			.where('need_id', '=', first)
			.where('outcome_id', '=', '1.2')
			.execute();
		await expectAgreement();
		await db
			.insertInto('learning_need_outcomes')
			.values({ need_id: first, framework_version: version, outcome_id: '2.2' })
			.execute();
		await db
			.updateTable('learning_need_outcomes')
			.set({ outcome_id: '2.3' })
			.where('need_id', '=', first)
			.where('outcome_id', '=', '1.1')
			.execute();
		await expectAgreement();

		// The need's date and practitioner changed.
		await db
			.updateTable('learning_needs')
			.set({ created_at: '2026-05-01T09:00:00.000Z' })
			.where('id', '=', first)
			.execute();
		await expectAgreement();
		await db
			.updateTable('learning_needs')
			.set({ practitioner_id: b.person })
			.where('id', '=', first)
			.execute();
		await expectAgreement();

		// People moved between teams, out of one, into one; deactivated and back.
		await db.updateTable('users').set({ team_id: b.id }).where('id', '=', a.person).execute();
		({ kept } = await expectAgreement());
		expect(kept.filter((r) => r.team_key === a.id)).toEqual([]);
		await db.updateTable('users').set({ team_id: null }).where('id', '=', b.person).execute();
		await expectAgreement();
		await db.updateTable('users').set({ team_id: a.id }).where('id', '=', noTeam).execute();
		({ kept } = await expectAgreement());
		expect(kept.filter((r) => r.team_key === a.id).map((r) => r.n)).toEqual([1]);
		await db.updateTable('users').set({ active: 0 }).where('id', '=', noTeam).execute();
		({ kept } = await expectAgreement());
		expect(kept.filter((r) => r.team_key === a.id)).toEqual([]);
		await db.updateTable('users').set({ active: 1 }).where('id', '=', noTeam).execute();
		await expectAgreement();

		// The practitioner role taken away, and given to the manager (who is in no team).
		const noTeamNeeds = (rows: typeof kept) =>
			rows.filter((r) => r.team_key === '').reduce((n, r) => n + r.n, 0);
		const before = noTeamNeeds((await expectAgreement()).kept);
		await db
			.deleteFrom('user_roles')
			.where('user_id', '=', a.person)
			.where('role', '=', 'practitioner')
			.execute();
		await expectAgreement();
		await db
			.insertInto('user_roles')
			.values({ user_id: a.manager, role: 'practitioner' })
			.execute();
		({ kept } = await expectAgreement());
		expect(noTeamNeeds(kept)).toBe(before + 1);

		// Needs and their outcomes deleted (as erasure does), and a person removed.
		for (const person of [a.person, b.person, noTeam, a.manager]) {
			const ids = (
				await db
					.selectFrom('learning_needs')
					.select('id')
					.where('practitioner_id', '=', person)
					.execute()
			).map((r) => r.id);
			if (ids.length)
				await db.deleteFrom('learning_need_outcomes').where('need_id', 'in', ids).execute();
			await db.deleteFrom('learning_needs').where('practitioner_id', '=', person).execute();
		}
		expect(await expectAgreement()).toEqual({ kept: [], keptOutcomes: [] });
	});

	it.each(['2026-11-20', '2026-11-05'])(
		'give the workforce view the counts of the needs themselves, for a period starting mid-month (to %s) and a team',
		async (today) => {
			const a = await newTeamOf('asye');
			const b = await newTeamOf('asye');
			// 3 November 2025 is before the period; 25 November is in its part month; the rest kept. A
			// year to the 20th counts the part month's days from the needs; to the 5th, November kept
			// less its first four days.
			await need(a.person, '2025-11-03', ['1.1']);
			// A team whose only need is before the period: not in it, whichever way it is counted.
			const c = await newTeamOf('asye');
			await need(c.person, '2025-11-02', ['1.3']);
			await need(a.person, '2025-11-25', ['1.1', '1.2']);
			const met = await need(b.person, '2026-03-01', ['1.2']);
			await setStatus(met, 'met');
			await need(b.person, '2026-06-30', []);
			const figures = async (filters: WorkforceFilters) => {
				const tables = await learningFigures(db, framework, filters, today);
				const table = (id: string) => tables.find((t) => t.id === id)!.rows;
				return { outcomes: table('needs-by-outcome'), teams: table('needs-by-team') };
			};
			const yearOf = parseFilters(new URLSearchParams({ period: '12m' }));
			for (const filters of [yearOf, { ...yearOf, teamId: a.id }, { ...yearOf, teamId: b.id }]) {
				// Everyone here is in their ASYE: counted from the needs, the same figures.
				expect(await figures(filters)).toEqual(await figures({ ...filters, stage: 'asye' }));
			}
			const { outcomes, teams } = await figures(yearOf);
			const ks = (id: string) => outcomes.find((r) => r.outcome === id);
			expect(ks('1.1')).toMatchObject({ open: 1, met: 0, total: 1 });
			expect(ks('1.2')).toMatchObject({ open: 1, met: 1, total: 2 });
			const teamName = (t: { manager: string }) => `Team ${t.manager}`;
			expect(teams.find((r) => r.team === teamName(a))).toMatchObject({ open: 1, total: 1 });
			expect(teams.find((r) => r.team === teamName(b))).toMatchObject({
				open: 1,
				met: 1,
				total: 2
			});
		}
	);
});
