import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import type { RelationshipKind } from '../db/schema';
import { dateOnly, timestamp } from '../db/time';
import { FieldError } from '../errors';
import { withdrawRequestsOfLeaver } from '../feedback/requests';
import { withdrawInvitationsOfLeaver } from '../observation/invitations';
import { closeRelationship, holderOf } from './relationships';

// A leaver is deactivated, never deleted: their records stay. Deactivating is this one function,
// whoever does it (an administrator by hand, an import from HR, SCIM), so a leaver is handled
// the same way every time: signed out, tokens revoked, out of every picker and queue (those
// list active people and current relationships only), relationships ended, the links they sent
// for feedback or an observation stopped, and each person they supervised brought to someone's
// attention (`handovers.ts` shows it on their home page).

export interface LeaverSummary {
	sessions: number;
	tokens: number;
	relationships: number;
	/** The practitioners handed over, with whose attention they came to (null: the PSWs'). */
	handovers: { practitionerId: string; attentionId: string | null }[];
	/** Teams they managed, now without a manager. */
	teams: number;
	/** Requests for feedback and invitations to observe still open, now withdrawn. */
	requests: number;
}

/**
 * Deactivates a person, in the caller's transaction if given one; an event for each thing it
 * ends. Returns what it ended, or null when they were not active (nothing to do).
 */
export async function deactivatePerson(
	db: Db,
	actorId: string | null,
	personId: string,
	now = new Date()
): Promise<LeaverSummary | null> {
	return inTransaction(db, async (tx) => {
		const person = await tx
			.selectFrom('users')
			.select(['id', 'active'])
			.where('id', '=', personId)
			.executeTakeFirst();
		if (!person) throw new FieldError('person', 'There is nobody with this id');
		if (!person.active) return null;
		await tx
			.updateTable('users')
			.set({ active: 0, deactivated_at: timestamp(now) })
			.where('id', '=', personId)
			.execute();
		const access = await endAccess(tx, personId, now);
		const teams = await leaveTeams(tx, actorId, personId, now);
		const ended = await endRelationshipsOf(tx, actorId, personId, now);
		const handovers = await handOver(tx, actorId, personId, ended, now);
		const requests =
			(await withdrawRequestsOfLeaver(tx, actorId, personId, now)) +
			(await withdrawInvitationsOfLeaver(tx, actorId, personId, now));
		const summary: LeaverSummary = {
			...access,
			relationships: ended.length,
			handovers,
			teams,
			requests
		};
		await recordEvent(
			tx,
			{
				actorId,
				action: 'person.deactivated',
				subjectType: 'user',
				subjectId: personId,
				detail: { ...summary, handovers: handovers.length }
			},
			now
		);
		return summary;
	});
}

/** Signs them out everywhere and revokes their API tokens: how many of each. */
async function endAccess(tx: Db, personId: string, now: Date) {
	const sessions = await tx.deleteFrom('sessions').where('user_id', '=', personId).execute();
	const tokens = await tx
		.updateTable('api_tokens')
		.set({ revoked_at: timestamp(now) })
		.where('user_id', '=', personId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return {
		sessions: sessions.reduce((n, r) => n + Number(r.numDeletedRows), 0),
		tokens: Number(tokens.numUpdatedRows)
	};
}

/** Takes them off the teams they manage (each left without a manager): how many. */
async function leaveTeams(tx: Db, actorId: string | null, personId: string, now: Date) {
	const teams = await tx
		.updateTable('teams')
		.set({ manager_id: null })
		.where('manager_id', '=', personId)
		.returning('id')
		.execute();
	for (const team of teams)
		await recordEvent(
			tx,
			{
				actorId,
				action: 'team.manager-left',
				subjectType: 'team',
				subjectId: team.id,
				detail: { managerId: personId }
			},
			now
		);
	return teams.length;
}

interface Ended {
	practitionerId: string;
	kind: RelationshipKind;
	/** Whether the leaver held it to someone else (rather than someone holding it to them). */
	held: boolean;
	/** Whether it was current (not only planned) when it ended. */
	current: boolean;
}

/**
 * Ends every relationship the leaver holds or is held in, current or planned, from today: a
 * planned one ends the day it would have started, so it is kept but never current.
 */
async function endRelationshipsOf(tx: Db, actorId: string | null, personId: string, now: Date) {
	const today = dateOnly(now);
	const rows = await tx
		.selectFrom('supervisions')
		.selectAll()
		.where((eb) => eb.or([eb('supervisor_id', '=', personId), eb('supervisee_id', '=', personId)]))
		.where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', today)]))
		.execute();
	const ended: Ended[] = [];
	for (const row of rows) {
		const endsOn = row.starts_on > today ? row.starts_on : today;
		await closeRelationship(tx, actorId, row, endsOn, now, { leaverId: personId });
		ended.push({
			practitionerId: row.supervisee_id,
			kind: row.kind,
			held: row.supervisor_id === personId,
			current: row.starts_on <= today
		});
	}
	return ended;
}

/**
 * Brings each active practitioner the leaver held a current relationship to to someone's
 * attention: their line manager; if that was the leaver, their team's manager; if there is none
 * (or it was the leaver too), the principal social workers (an attention of null).
 */
async function handOver(
	tx: Db,
	actorId: string | null,
	leaverId: string,
	ended: Ended[],
	now: Date
) {
	const kindsOf = new Map<string, RelationshipKind[]>();
	for (const e of ended)
		if (e.held && e.current)
			kindsOf.set(e.practitionerId, [...(kindsOf.get(e.practitionerId) ?? []), e.kind]);
	const handovers: LeaverSummary['handovers'] = [];
	for (const [practitionerId, kinds] of kindsOf) {
		const practitioner = await tx
			.selectFrom('users')
			.leftJoin('teams', 'teams.id', 'users.team_id')
			.leftJoin('users as manager', 'manager.id', 'teams.manager_id')
			.select(['users.active', 'manager.id as managerId', 'manager.active as managerActive'])
			.where('users.id', '=', practitionerId)
			.executeTakeFirstOrThrow();
		if (!practitioner.active) continue;
		const lineManager = await holderOf(tx, practitionerId, 'line-manager', dateOnly(now));
		const teamManager =
			practitioner.managerActive && practitioner.managerId !== leaverId
				? practitioner.managerId
				: null;
		const attentionId = lineManager?.id ?? teamManager ?? null;
		await tx
			.insertInto('handovers')
			.values({
				id: newId(),
				leaver_id: leaverId,
				practitioner_id: practitionerId,
				attention_id: attentionId,
				kinds: kinds.join(','),
				created_at: timestamp(now)
			})
			.execute();
		await recordEvent(
			tx,
			{
				actorId,
				action: 'relationship.handed-over',
				subjectType: 'user',
				subjectId: practitionerId,
				detail: { leaverId, attentionId, kinds }
			},
			now
		);
		handovers.push({ practitionerId, attentionId });
	}
	return handovers;
}
