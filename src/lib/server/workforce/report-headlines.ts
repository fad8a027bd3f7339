import { sql } from 'kysely';
import type { Db } from '../db';
import { bucket, finalisedIn, ofFinalisedAudits, quarterDates } from './audit-scope';
import { percent, type Table } from './figures';
import type { WorkforceFilters } from './filters';

// The quarterly report's headline figures: audits, their actions, learning needs and pathways in
// one quarter, side by side with the quarter before.

const labels = {
	audits: 'Case audits finalised',
	goodOrBetter: 'Good or better (%)',
	requiresImprovement: 'Requires improvement',
	inadequate: 'Inadequate',
	respondedSameDay: 'Inadequate audits responded to the same day',
	moderated: 'Moderated (%)',
	actions: 'Audit actions agreed',
	actionsSignedOff: 'Of those, signed off',
	actionsOverdue: 'Of those, overdue today',
	needsRaised: 'Learning needs raised',
	needsMet: 'Learning needs met',
	pathwaysCompleted: 'Learning pathways completed'
};
type Headlines = Record<keyof typeof labels, number | null>;

/** PostgreSQL sends sums as text, and a sum of no rows is null. */
const n = (v: unknown) => Number(v ?? 0);

/** The headline figures of `quarter` against `previous`, one row a measure. */
export async function headlines(
	db: Db,
	filters: WorkforceFilters,
	quarter: string,
	previous: string,
	today: string
): Promise<Table> {
	// The audits' and actions' figures of both quarters at once: one read of each.
	const [grades, actions] = await Promise.all([
		auditFigures(db, filters, previous, quarter),
		actionFigures(db, filters, previous, quarter, today)
	]);
	const [now, before] = await Promise.all([
		headline(grades.get(quarter), actions.get(quarter), learningFigures(db, filters, quarter)),
		headline(grades.get(previous), actions.get(previous), learningFigures(db, filters, previous))
	]);
	return {
		id: 'headlines',
		title: `Headline figures, ${quarter} against ${previous}`,
		columns: [
			{ key: 'measure', label: 'Measure' },
			{ key: 'thisQuarter', label: quarter, numeric: true },
			{ key: 'lastQuarter', label: previous, numeric: true }
		],
		rows: (Object.keys(labels) as (keyof Headlines)[]).map((key) => ({
			measure: labels[key],
			thisQuarter: now[key],
			lastQuarter: before[key]
		}))
	};
}

type AuditFigures =
	Awaited<ReturnType<typeof auditFigures>> extends Map<string, infer T> ? T : never;
type ActionFigures =
	Awaited<ReturnType<typeof actionFigures>> extends Map<string, infer T> ? T : never;

async function headline(
	grades: Partial<AuditFigures> = {},
	actions: Partial<ActionFigures> = {},
	learning: ReturnType<typeof learningFigures>
): Promise<Headlines> {
	return {
		audits: n(grades.audits),
		goodOrBetter: percent(n(grades.good), n(grades.audits)),
		requiresImprovement: n(grades.ri),
		inadequate: n(grades.inadequate),
		respondedSameDay: n(grades.sameDay),
		moderated: percent(n(grades.moderated), n(grades.audits)),
		actions: n(actions.actions),
		actionsSignedOff: n(actions.signedOff),
		actionsOverdue: n(actions.overdue),
		...(await learning)
	};
}

/** Rows by quarter, as a map. */
const byQuarter = <T extends { quarter: string }>(rows: T[]) =>
	new Map(rows.map((row) => [row.quarter, row]));

/** Each quarter's finalised audits: how many, their grades, same-day responses, moderation. */
async function auditFigures(db: Db, filters: WorkforceFilters, first: string, last: string) {
	return byQuarter(
		await finalisedIn(db, first, filters.teamId, last)
			.select([
				bucket('quarter').as('quarter'),
				(eb) => eb.fn.countAll<number>().as('audits'),
				sql<number>`sum(case when coalesce(audits.moderated_overall_grade, audits.overall_grade) in ('outstanding', 'good') then 1 else 0 end)`.as(
					'good'
				),
				sql<number>`sum(case when audits.overall_grade = 'inadequate' then 1 else 0 end)`.as(
					'inadequate'
				),
				sql<number>`sum(case when audits.overall_grade = 'requires-improvement' then 1 else 0 end)`.as(
					'ri'
				),
				sql<number>`sum(case when audits.escalation = 'same-day' and audits.response_at is not null and substr(audits.response_at, 1, 10) <= substr(audits.finalised_at, 1, 10) then 1 else 0 end)`.as(
					'sameDay'
				),
				sql<number>`sum(case when audits.moderated_at is not null then 1 else 0 end)`.as(
					'moderated'
				)
			])
			.groupBy(bucket('quarter'))
			.execute()
	);
}

/**
 * The actions of each quarter's audits: agreed, signed off, and overdue today; from what each
 * action keeps of its audit (2026-12-10-05), one range of an index rather than a quarter's audits
 * joined to their actions.
 */
async function actionFigures(
	db: Db,
	filters: WorkforceFilters,
	first: string,
	last: string,
	today: string
) {
	const quarter = bucket('quarter', 'audit_actions.audited_on');
	return byQuarter(
		await ofFinalisedAudits(db, first, filters.teamId, last)
			.select([
				quarter.as('quarter'),
				(eb) => eb.fn.countAll<number>().as('actions'),
				sql<number>`sum(case when audit_actions.status = 'signed-off' then 1 else 0 end)`.as(
					'signedOff'
				),
				sql<number>`sum(case when audit_actions.status = 'open' and audit_actions.due_on < ${today} then 1 else 0 end)`.as(
					'overdue'
				)
			])
			.groupBy(quarter)
			.execute()
	);
}

/** Learning needs raised and met in the quarter, and pathways completed in it. */
async function learningFigures(db: Db, filters: WorkforceFilters, quarter: string) {
	const { start } = quarterDates(quarter);
	const end = `${quarterDates(quarter).end}T23:59:59.999Z`;
	// Each a range of its own index (2026-12-08-10), never every need or pathway there has been.
	const inTeam = db
		.selectFrom('users')
		.select('users.id')
		.where('users.team_id', '=', filters.teamId!);
	const needs = (column: 'created_at' | 'met_at') =>
		db
			.selectFrom('learning_needs')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where(`learning_needs.${column}`, '>=', start)
			.where(`learning_needs.${column}`, '<=', end)
			.$if(Boolean(filters.teamId), (q) => q.where('learning_needs.practitioner_id', 'in', inTeam))
			.executeTakeFirstOrThrow();
	const [raised, met] = [await needs('created_at'), await needs('met_at')];
	const completed = await db
		.selectFrom('pathway_progress')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('pathway_progress.completed_at', '>=', start)
		.where('pathway_progress.completed_at', '<=', end)
		.$if(Boolean(filters.teamId), (q) => q.where('pathway_progress.practitioner_id', 'in', inTeam))
		.executeTakeFirstOrThrow();
	return {
		needsRaised: n(raised.n),
		needsMet: n(met.n),
		pathwaysCompleted: n(completed.n)
	};
}
