import type { Db } from '../db';
import { dateOnly } from '../db/time';
import { outcomesOf, type Framework } from '../framework';
import type { enrolmentProgramme } from '.';
import { programmeCalendar } from './calendar';
import { trajectory } from './trajectory';

type ProgrammeToday = NonNullable<Awaited<ReturnType<typeof enrolmentProgramme>>>;

/**
 * A practitioner's trajectory on their programme (`trajectory.ts`): their accepted evidence and
 * their sign-off chain under the framework, month by month against the programme's expected
 * trajectory, on the calendar their programme page shows.
 */
export async function programmeTrajectory(
	db: Db,
	practitionerId: string,
	programme: ProgrammeToday,
	framework: Framework,
	today = dateOnly()
) {
	const [accepted, signOffs] = await Promise.all([
		db
			.selectFrom('evidence')
			.select('reviewed_at')
			.where('owner_id', '=', practitionerId)
			.where('status', '=', 'accepted')
			.where('reviewed_at', 'is not', null)
			.execute(),
		db
			.selectFrom('signoffs')
			.select(['outcome_id', 'action', 'created_at'])
			.where('practitioner_id', '=', practitionerId)
			.where('framework_version', '=', framework.version.id)
			.orderBy('sequence')
			.execute()
	]);
	const { monthOn } = programmeCalendar(
		programme.programme,
		programme.startsOn,
		programme.startFte,
		programme.extensions,
		{ hours: programme.hours, pauses: programme.pauses, today }
	);
	const outcomeCount = outcomesOf(framework).length;
	return {
		outcomeCount,
		months: trajectory({
			programme: programme.programme,
			startsOn: programme.startsOn,
			endsOn: programme.endsOn,
			monthOn,
			outcomeCount,
			acceptedAt: accepted.map((e) => e.reviewed_at!),
			signOffs: signOffs.map((s) => ({
				outcomeId: s.outcome_id,
				action: s.action,
				at: s.created_at
			})),
			today
		})
	};
}
