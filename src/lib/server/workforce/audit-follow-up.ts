import type { Db } from '../db';
import { daysBetween } from '../db/time';
import { scoped, type AuditsWhere, type Scope } from './audit-scope';
import type { Table } from './figures';

// What the audits asked for afterwards: escalations waiting for a response, and actions overdue.

const daysSince = (from: string, today: string) => Math.floor(daysBetween(from, today));

/** Escalated audits (Inadequate, Requires improvement) still waiting for a response. */
export async function awaitingResponse(db: Db, where: AuditsWhere, today: string): Promise<Table> {
	const waiting = await db
		.selectFrom('audits')
		.innerJoin('users', 'users.id', 'audits.practitioner_id')
		.leftJoin('teams', 'teams.id', 'audits.team_id')
		.select([
			'audits.id',
			'audits.case_ref',
			'audits.escalation',
			'audits.finalised_at',
			'users.name',
			'teams.name as team'
		])
		.where(where)
		.where('audits.escalation', 'is not', null)
		.where('audits.response_at', 'is', null)
		.orderBy('audits.finalised_at')
		.execute();
	return {
		id: 'awaiting-response',
		title: 'Escalated audits still waiting for a response',
		columns: [
			{ key: 'caseRef', label: 'Case' },
			{ key: 'practitioner', label: 'Practitioner' },
			{ key: 'team', label: 'Team' },
			{ key: 'escalation', label: 'Needs' },
			{ key: 'daysWaiting', label: 'Days waiting', numeric: true }
		],
		rows: waiting.map((w) => ({
			auditId: w.id,
			caseRef: w.case_ref,
			practitioner: w.name,
			team: w.team ?? '',
			escalation: w.escalation === 'same-day' ? 'Same-day response (Inadequate)' : 'Urgent review',
			daysWaiting: daysSince(w.finalised_at ?? today, today)
		}))
	};
}

/** Open audit actions past their due date, the longest overdue first (at most 500). */
export async function overdueActions(
	db: Db,
	{ filters, since }: Scope,
	today: string
): Promise<Table> {
	const overdue = await db
		.selectFrom('audit_actions')
		.innerJoin('audits', 'audits.id', 'audit_actions.audit_id')
		.innerJoin('users as owner', 'owner.id', 'audit_actions.owner_id')
		.leftJoin('teams', 'teams.id', 'audits.team_id')
		.select([
			'audits.id as auditId',
			'audits.case_ref',
			'audit_actions.description',
			'audit_actions.due_on',
			'owner.name as owner',
			'teams.name as team'
		])
		.where(scoped(filters, since))
		.where('audit_actions.status', '=', 'open')
		.where('audit_actions.due_on', '<', today)
		// Its audit's scope as the action keeps it (2026-12-10-05): the walk by due date passes
		// over earlier audits' actions in the index, never looking each audit up.
		.where('audit_actions.audit_status', '=', 'finalised')
		.$if(Boolean(since), (q) => q.where('audit_actions.audited_on', '>=', since!))
		.$if(Boolean(filters.teamId), (q) =>
			q.where('audit_actions.audit_team_id', '=', filters.teamId!)
		)
		.orderBy('audit_actions.due_on')
		.limit(500)
		.execute();
	return {
		id: 'overdue-actions',
		title: 'Overdue audit actions',
		columns: [
			{ key: 'caseRef', label: 'Case' },
			{ key: 'action', label: 'Action' },
			{ key: 'owner', label: 'Owner' },
			{ key: 'team', label: 'Team' },
			{ key: 'dueOn', label: 'Due', format: 'date' },
			{ key: 'daysOverdue', label: 'Days overdue', numeric: true }
		],
		rows: overdue.map((o) => ({
			auditId: o.auditId,
			caseRef: o.case_ref,
			action: o.description,
			owner: o.owner,
			team: o.team ?? '',
			dueOn: o.due_on,
			daysOverdue: daysSince(o.due_on, today)
		}))
	};
}
