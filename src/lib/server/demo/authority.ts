import type { Insertable } from 'kysely';
import type { Database, Db } from '../db';
import { dateOnly, days } from '../db/time';
import { addMonths } from '../programme/month';
import type { DemoContent } from '../content/demo';

// The demo authority: a fictional one, so every name and number in content/demo is invented.

export const demoPassword = 'golden-thread-demo';

/** What each part of the seed works with, once the people exist. */
export type Demo = Awaited<ReturnType<typeof demoIn>>;

/**
 * The database, the content and the day; everyone's id, team and manager by email; and the
 * principal social worker's id.
 */
export async function demoIn(db: Db, content: DemoContent, now: Date) {
	const rows = await db
		.selectFrom('users')
		.leftJoin('teams', 'teams.id', 'users.team_id')
		.select(['users.id', 'users.email', 'users.team_id', 'teams.manager_id'])
		.execute();
	const byEmail = new Map(rows.map((row) => [row.email, row]));
	const person = (email: string) => {
		const found = byEmail.get(email);
		if (!found) throw new Error(`the demo names an unknown person: ${email}`);
		return found;
	};
	const psw = content.people.find((p) => p.roles.includes('psw'))!;
	return { db, content, now, today: dateOnly(now), person, psw: person(psw.email).id };
}

/** Inserts rows into a table in one statement; none, when there are none. */
export async function insertRows<T extends keyof Database>(
	db: Db,
	table: T,
	rows: Insertable<Database[T]>[]
) {
	if (rows.length) await db.insertInto(table).values(rows).execute();
}

/** When an ASYE now in `month` started: ten days into the month, so they stay in it a while. */
export const asyeStart = (now: Date, month: number) =>
	addMonths(dateOnly(new Date(now.getTime() - days(10))), -(month - 1));
