import type { Db } from '../db';
import { prepared } from '../db/prepared';
import { dateOnly } from '../db/time';
import type { RelationshipKind } from '../db/schema';
import { practitionersOf } from '../people/relationships';
import { activeEnrolmentsOf, programmeToday } from '../programme/enrolments';
import { enrolmentProgrammes } from '../programme';
import { countedStatuses } from '../portfolio/coverage';
import { currentSignOffs } from '../signoff/signoffs';

/**
 * The people someone holds one of these relationships to, with the kinds they hold, their
 * programme month, how many outcomes their submitted or accepted evidence covers, and how many
 * outcomes are signed off.
 */
export async function superviseeSummaries(
	db: Db,
	holderId: string,
	kinds: readonly RelationshipKind[],
	frameworkVersion: string,
	today = dateOnly()
) {
	const people = await practitionersOf(db, holderId, kinds, today);
	if (people.length === 0) return [];
	const ids = people.map((p) => p.id);
	const covered = await coveredQuery(db, ids, frameworkVersion);
	const signedOff = await signedOffQuery(db, ids, frameworkVersion);
	const enrolled = await activeEnrolmentsOf(db, ids);
	const calendars = await enrolmentProgrammes(db, [...enrolled.values()], today);
	return people.map((person) => {
		const enrolment = enrolled.get(person.id);
		const calendar = enrolment && calendars.get(enrolment.id);
		return {
			...person,
			programme: enrolment ? programmeToday(enrolment, today) : null,
			outcomesCovered: Number(covered.find((c) => c.owner_id === person.id)?.outcomes ?? 0),
			signedOff: Number(signedOff.find((s) => s.practitioner_id === person.id)?.n ?? 0),
			// The next review still to do: the earliest that is neither done nor optional.
			nextReview:
				calendar?.reviews.find((r) => r.state !== 'done' && r.state !== 'optional') ?? null
		};
	});
}

// Asked on every supervisor's home page, so built once.
const coveredQuery = prepared((db, ids: readonly string[], frameworkVersion: string) =>
	db
		.selectFrom('evidence_outcomes')
		.innerJoin('evidence', 'evidence.id', 'evidence_outcomes.evidence_id')
		.select((eb) => [
			'evidence.owner_id',
			eb.fn.count<number>('evidence_outcomes.outcome_id').distinct().as('outcomes')
		])
		.where('evidence.owner_id', 'in', ids)
		.where('evidence.status', 'in', countedStatuses)
		.where('evidence_outcomes.framework_version', '=', frameworkVersion)
		.groupBy('evidence.owner_id')
);
const signedOffQuery = prepared((db, ids: readonly string[], frameworkVersion: string) =>
	db
		.selectFrom(currentSignOffs(db, frameworkVersion).as('s'))
		.select(['s.practitioner_id', (eb) => eb.fn.countAll<number>().as('n')])
		.where('s.practitioner_id', 'in', ids)
		.groupBy('s.practitioner_id')
);
