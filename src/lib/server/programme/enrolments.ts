import type { Db } from '../db';
import { programmeMonth } from './month';

/** Each person's programme (ASYE and so on) with the month they are in today. */
export async function programmes(db: Db, userIds: string[], today: string) {
	if (userIds.length === 0)
		return new Map<string, { programme: string; month: number; startsOn: string }>();
	const rows = await db
		.selectFrom('enrolments')
		.select(['user_id', 'programme', 'starts_on'])
		.where('user_id', 'in', userIds)
		.execute();
	return new Map(
		rows.map((r) => [
			r.user_id,
			{ programme: r.programme, month: programmeMonth(r.starts_on, today), startsOn: r.starts_on }
		])
	);
}
