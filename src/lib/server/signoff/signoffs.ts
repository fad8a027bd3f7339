import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';
import { findOutcome, getFramework } from '../framework';
import { entryHash, genesisHash } from './chain.js';
import { doesProblem, doesStatements } from './does';
import { signOffNeedsDoes, statementsByRecord } from './does-evidence';
import { advanceHead, lockHeadLog, signoffKey } from './heads';

/** How many accepted records must be cited to sign an outcome off (SIGNOFF_MIN_EVIDENCE). */
export const minimumEvidence = () => Math.max(1, Number(process.env.SIGNOFF_MIN_EVIDENCE) || 1);

/** Why a sign-off cannot be recorded, field by field; empty when it can. Pure, for testing. */
export function signOffProblems(input: {
	rationale: string;
	cited: string[];
	eligible: string[];
	minimum: number;
	signedOff: boolean;
}) {
	const problems: Record<string, string> = {};
	if (input.signedOff) problems.outcome = 'This outcome is already signed off';
	if (!input.rationale.trim())
		problems.rationale = 'Write why the outcome is met, citing the evidence';
	const unknown = input.cited.filter((id) => !input.eligible.includes(id));
	if (unknown.length) problems.evidence = 'Cite only accepted evidence mapped to this outcome';
	else if (input.cited.length < input.minimum) {
		problems.evidence =
			input.eligible.length < input.minimum
				? `Signing off needs at least ${input.minimum} accepted ${input.minimum === 1 ? 'record' : 'records'} mapped to this outcome`
				: `Cite at least ${input.minimum} accepted ${input.minimum === 1 ? 'record' : 'records'}`;
	}
	return problems;
}

/** Accepted records of the practitioner's mapped to an outcome: what a sign-off may cite. */
export function eligibleEvidence(
	db: Db,
	practitionerId: string,
	frameworkVersion: string,
	outcomeId: string
) {
	return db
		.selectFrom('evidence')
		.innerJoin('evidence_outcomes', 'evidence_outcomes.evidence_id', 'evidence.id')
		.select(['evidence.id', 'evidence.title', 'evidence.activity_date'])
		.where('evidence.owner_id', '=', practitionerId)
		.where('evidence.status', '=', 'accepted')
		.where('evidence_outcomes.framework_version', '=', frameworkVersion)
		.where('evidence_outcomes.outcome_id', '=', outcomeId)
		.orderBy('evidence.activity_date')
		.execute();
}

/**
 * The latest sign-off entry for each practitioner and outcome, when it is a sign-off (not a
 * withdrawal): the outcomes signed off today, for any number of practitioners, in SQL. `signOffState` gives one
 * practitioner's latest entries in full.
 */
export function currentSignOffs(db: Db, frameworkVersion: string, since?: string) {
	let query = db
		.selectFrom('signoffs as s')
		.select(['s.practitioner_id', 's.outcome_id'])
		.where('s.framework_version', '=', frameworkVersion)
		.where('s.action', '=', 'sign-off')
		// No later entry for the outcome: PostgreSQL answers this for a whole cohort as one anti
		// join (26,000 sign-offs in about 70 ms), where `sequence = (select max …)` looked up each
		// row's latest in turn (about 190 ms); for one person both are a seek in the same index.
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('signoffs as later')
						.select('later.sequence')
						.whereRef('later.practitioner_id', '=', 's.practitioner_id')
						.whereRef('later.outcome_id', '=', 's.outcome_id')
						.whereRef('later.framework_version', '=', 's.framework_version')
						.whereRef('later.sequence', '>', 's.sequence')
				)
			)
		);
	if (since) query = query.where('s.created_at', '>=', since);
	return query;
}

/** The latest entry for each outcome: signed off when its action is `sign-off`. */
export async function signOffState(db: Db, practitionerId: string, frameworkVersion: string) {
	const entries = await signOffQuery(db, practitionerId, frameworkVersion);
	const state = new Map<string, (typeof entries)[number]>();
	for (const entry of entries) state.set(entry.outcome_id, entry);
	return state;
}

/** Asked on every page that shows coverage, so built once. */
const signOffQuery = prepared((db, practitionerId: string, frameworkVersion: string) =>
	db
		.selectFrom('signoffs')
		.innerJoin('users', 'users.id', 'signoffs.actor_id')
		.select([
			'signoffs.outcome_id',
			'signoffs.action',
			'signoffs.rationale',
			'signoffs.created_at',
			'signoffs.sequence',
			'users.name as actorName'
		])
		.where('practitioner_id', '=', practitionerId)
		.where('framework_version', '=', frameworkVersion)
		.orderBy('signoffs.sequence')
);

/** What a sign-off or its withdrawal says, before the chain gives it a place and a hash. */
interface ChainEntry {
	practitionerId: string;
	frameworkVersion: string;
	outcomeId: string;
	action: 'sign-off' | 'withdraw';
	rationale: string;
	evidenceIds: string[];
	actorId: string;
	/** Said in the event log beside the outcome, e.g. the Does statements shown. */
	detail?: Record<string, unknown>;
}

/**
 * Appends an entry to the practitioner's chain, and moves their MAC'd head on to it in the same
 * transaction; nothing in the chain is ever updated or deleted.
 */
async function append(db: Db, entry: ChainEntry, now: Date) {
	const key = signoffKey();
	// BEGIN IMMEDIATE on SQLite and the head log's lock on PostgreSQL keep two sign-offs at once
	// from both taking the same place in the chain or in the head log.
	return db.transaction().execute(async (tx) => {
		await lockHeadLog(tx);
		const last = await tx
			.selectFrom('signoffs')
			.select(['sequence', 'hash'])
			.where('practitioner_id', '=', entry.practitionerId)
			.orderBy('sequence', 'desc')
			.limit(1)
			.executeTakeFirst();
		const row = {
			id: newId(),
			practitioner_id: entry.practitionerId,
			sequence: Number(last?.sequence ?? 0) + 1,
			framework_version: entry.frameworkVersion,
			outcome_id: entry.outcomeId,
			action: entry.action,
			rationale: entry.rationale,
			evidence_ids: JSON.stringify(entry.evidenceIds),
			actor_id: entry.actorId,
			created_at: timestamp(now),
			previous_hash: last?.hash ?? genesisHash
		};
		const hash = entryHash(row);
		await tx
			.insertInto('signoffs')
			.values({ ...row, hash })
			.execute();
		const head = { practitionerId: row.practitioner_id, sequence: row.sequence, hash };
		await advanceHead(tx, key, { ...head, kind: 'append' }, now);
		await recordEvent(
			tx,
			{
				actorId: entry.actorId,
				action: `outcome.${entry.action}`,
				subjectType: 'user',
				subjectId: entry.practitionerId,
				detail: { outcome: entry.outcomeId, ...entry.detail }
			},
			now
		);
		return row.id;
	});
}

export async function signOffOutcome(
	db: Db,
	actorId: string,
	practitionerId: string,
	input: { frameworkVersion: string; outcomeId: string; rationale: string; evidenceIds: string[] },
	now = new Date()
) {
	const framework = getFramework(input.frameworkVersion);
	const outcome = framework && findOutcome(framework, input.outcomeId)?.outcome;
	// Callers find the outcome before asking (a 404 otherwise), so one missing here is a fault.
	if (!outcome) throw new Error(`There is no outcome ${input.outcomeId} to sign off`);
	const eligible = (
		await eligibleEvidence(db, practitionerId, input.frameworkVersion, input.outcomeId)
	).map((e) => e.id);
	const state = await signOffState(db, practitionerId, input.frameworkVersion);
	const problems = signOffProblems({
		rationale: input.rationale,
		cited: input.evidenceIds,
		eligible,
		minimum: minimumEvidence(),
		signedOff: state.get(input.outcomeId)?.action === 'sign-off'
	});
	const shown = [
		...(
			await statementsByRecord(db, input.evidenceIds, input.frameworkVersion, input.outcomeId)
		).values()
	].flat();
	const required = await signOffNeedsDoes(db, practitionerId);
	const notEnough = doesProblem({ outcome, shown, required });
	if (notEnough && !problems.evidence) problems.evidence = notEnough;
	if (Object.keys(problems).length) return { problems };
	const does = doesStatements(outcome, shown).shown.map((s) => s.id);
	await append(
		db,
		{ ...input, practitionerId, action: 'sign-off', actorId, detail: { does } },
		now
	);
	return { problems: {} };
}

export async function withdrawSignOff(
	db: Db,
	actorId: string,
	practitionerId: string,
	input: { frameworkVersion: string; outcomeId: string; reason: string },
	now = new Date()
) {
	const problems: Record<string, string> = {};
	if (!input.reason.trim()) problems.reason = 'Write why the sign-off is withdrawn';
	const state = await signOffState(db, practitionerId, input.frameworkVersion);
	if (!problems.reason && state.get(input.outcomeId)?.action !== 'sign-off') {
		problems.reason = 'This outcome is not signed off';
	}
	if (Object.keys(problems).length) return { problems };
	await append(
		db,
		{
			...input,
			rationale: input.reason,
			evidenceIds: [],
			practitionerId,
			action: 'withdraw',
			actorId
		},
		now
	);
	return { problems: {} };
}

/** The sign-off entries for one of a practitioner's outcomes, newest first, with who made them. */
export function signOffHistory(
	db: Db,
	practitionerId: string,
	frameworkVersion: string,
	outcomeId: string
) {
	return db
		.selectFrom('signoffs')
		.innerJoin('users', 'users.id', 'signoffs.actor_id')
		.select([
			'signoffs.id',
			'signoffs.action',
			'signoffs.rationale',
			'signoffs.created_at',
			'users.name as actorName'
		])
		.where('practitioner_id', '=', practitionerId)
		.where('outcome_id', '=', outcomeId)
		.where('framework_version', '=', frameworkVersion)
		.orderBy('sequence', 'desc')
		.execute();
}
