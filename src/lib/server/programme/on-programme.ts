import type { Db } from '../db';
import { programmeDefinitions } from '.';

/**
 * The enrolments on a programme on a day: active, started, and not yet finished (its final
 * review not recorded). Nothing about the programme's length, working hours, pauses or
 * extensions decides it: a two-year programme counts in its second year, a part-time ASYE in
 * its twentieth month, a paused one while paused, and one whose final review is overdue until it
 * is recorded. A programme no longer in the content is left out, as it has no calendar.
 */
export function enrolmentsOnProgramme(db: Db, today: string) {
	const finals = programmeDefinitions().map((p) => ({
		programme: p.id,
		review: p.reviews.find((r) => r.final)!.id
	}));
	return db
		.selectFrom('enrolments')
		.where('enrolments.status', '=', 'active')
		.where('enrolments.starts_on', '<=', today)
		.where(
			'enrolments.programme',
			'in',
			finals.map((f) => f.programme)
		)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('programme_reviews')
						.select('programme_reviews.id')
						.whereRef('programme_reviews.enrolment_id', '=', 'enrolments.id')
						.where((e) =>
							e.or(
								finals.map((f) =>
									e.and([
										e('enrolments.programme', '=', f.programme),
										e('programme_reviews.review_id', '=', f.review)
									])
								)
							)
						)
				)
			)
		);
}
