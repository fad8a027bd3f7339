import { inTransaction, type Db } from '../db';
import { recordEvent } from '../db/events';
import { newId } from '../db/ids';
import { prepared } from '../db/prepared';
import { timestamp } from '../db/time';
import { addMapping } from '../portfolio/evidence';
import { observerName } from './observer-name';

/** Where an observation of practice took place: a home visit, or a meeting from STARLIng. */
export const observationSettings = [
	'Home visit',
	'Early Help Assessment Meeting',
	'Strategy discussion/meeting',
	'Child Protection Conference - Initial',
	'Child Protection Conference - Review',
	'Core Group meeting',
	'Looked After Child Initial Planning Meeting',
	'Looked After Child Review Meeting',
	'Multi-Agency Risk Assessment Conference (MARAC)',
	'Domestic Abuse ‘Morning Meeting’ (MASH)',
	'Legal Planning Meeting',
	'Pre Proceedings Meeting',
	'Court Proceedings',
	'Family Drug and Alcohol Court (FDAC) Formulation Meeting',
	'Team Around the Child (TAC) Meeting',
	'Family Group Conference'
];

export interface ObservationInput {
	observedOn: string;
	setting: string;
	wentWell: string;
	toDevelop: string;
	frameworkVersion: string;
	outcomes: string[];
	statements: { outcomeId: string; statementId: string }[];
}

/** Who observed: someone with an account, or someone from outside, named as they gave it. */
export type Observer = { id: string } | { id: null; name: string };

/** How an observation came to be recorded, for the event log and the record. */
export interface RecordedBy {
	invitationId?: string;
	/** They were shown what the anonymity check found and confirmed it identifies no one. */
	anonymityConfirmed?: boolean;
}

/**
 * Records an observation and puts it in the practitioner's portfolio as accepted evidence,
 * reviewed by the observer. The child's and family's consent is a precondition (the form asks).
 */
export async function recordObservation(
	db: Db,
	observerId: string,
	practitionerId: string,
	input: ObservationInput,
	now = new Date()
) {
	return inTransaction(db, (tx) =>
		insertObservation(tx, { id: observerId }, practitionerId, input, now)
	);
}

/** `recordObservation` in the caller's transaction, by any observer; returns the record's id. */
export async function insertObservation(
	tx: Db,
	observer: Observer,
	practitionerId: string,
	input: ObservationInput,
	now: Date,
	by: RecordedBy = {}
) {
	const evidenceId = newId();
	await insertEvidence(tx, evidenceId, observer.id, practitionerId, input, now, by);
	await addMapping(tx, evidenceId, input);
	await tx
		.insertInto('observations')
		.values({
			id: newId(),
			practitioner_id: practitionerId,
			observer_id: observer.id,
			observer_name: observer.id === null ? observer.name : null,
			evidence_id: evidenceId,
			observed_on: input.observedOn,
			setting: input.setting,
			consent_confirmed: 1,
			went_well: input.wentWell,
			to_develop: input.toDevelop,
			practitioner_reflection: '',
			created_at: timestamp(now)
		})
		.execute();
	await recordEvent(
		tx,
		{
			actorId: observer.id,
			action: 'observation.recorded',
			subjectType: 'evidence',
			subjectId: evidenceId,
			...(by.invitationId && {
				detail: { invitationId: by.invitationId, byLink: observer.id === null }
			})
		},
		now
	);
	return evidenceId;
}

/** The observation as a portfolio record: accepted, reviewed by the observer. */
async function insertEvidence(
	tx: Db,
	evidenceId: string,
	observerId: string | null,
	practitionerId: string,
	input: ObservationInput,
	now: Date,
	by: RecordedBy
) {
	await tx
		.insertInto('evidence')
		.values({
			id: evidenceId,
			owner_id: practitionerId,
			title: `Observation of practice: ${input.setting}`,
			activity_date: input.observedOn,
			type: 'observation',
			account: `What went well:\n${input.wentWell}\n\nWhat to develop:\n${input.toDevelop}`,
			reflection_model: 'free',
			reflection: JSON.stringify({ text: '' }),
			cpd_type: 'practice-learning',
			cpd_relevance: '',
			cpd_learning: '',
			cpd_impact: '',
			peer_reflected: null,
			peer_reflection: '',
			cpd_minutes: null,
			status: 'accepted',
			version: 1,
			created_at: timestamp(now),
			updated_at: timestamp(now),
			submitted_at: timestamp(now),
			anonymity_confirmed_at: by.anonymityConfirmed ? timestamp(now) : null,
			reviewed_by: observerId,
			reviewed_at: timestamp(now),
			review_feedback: null
		})
		.execute();
}

export function observationFor(db: Db, evidenceId: string) {
	return db
		.selectFrom('observations')
		.leftJoin('users', 'users.id', 'observations.observer_id')
		.selectAll('observations')
		.select(observerName.as('observerName'))
		.where('evidence_id', '=', evidenceId)
		.executeTakeFirst();
}

/** The practitioner's own reflection on an observation of their practice. */
export async function reflectOnObservation(
	db: Db,
	practitionerId: string,
	evidenceId: string,
	reflection: string,
	now = new Date()
) {
	const result = await db
		.updateTable('observations')
		.set({ practitioner_reflection: reflection })
		.where('evidence_id', '=', evidenceId)
		.where('practitioner_id', '=', practitionerId)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) !== 1) return false;
	await recordEvent(
		db,
		{
			actorId: practitionerId,
			action: 'observation.reflected',
			subjectType: 'evidence',
			subjectId: evidenceId
		},
		now
	);
	return true;
}

export async function observationCount(db: Db, practitionerId: string) {
	const [row] = await observationCountQuery(db, practitionerId);
	return Number(row.n);
}

/** Asked on the supervisor's page of a practitioner, so built once. */
const observationCountQuery = prepared((db, practitionerId: string) =>
	db
		.selectFrom('observations')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('practitioner_id', '=', practitionerId)
);
