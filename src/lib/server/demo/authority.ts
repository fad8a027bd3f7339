import { demoFrameworkVersion, type DemoContent } from '../content/demo';
import type { Db } from '../db';
import { addDays, dateOnly, days } from '../db/time';
import { outcomeOf } from '../framework';
import { addMonths } from '../programme/month';

// The demo authority: a fictional one, so every name and number in content/demo is invented.

export const demoPassword = 'golden-thread-demo';

/** What each part of the seed works with, once the people and teams exist. */
export type Demo = Awaited<ReturnType<typeof demoIn>>;

/**
 * The database, the content and the day; everyone's id, name, team and manager by email; each
 * team's id by name; the principal social worker's id; the demo ASYE (programme.yaml, demoAsye);
 * and the time some days before now.
 */
export async function demoIn(db: Db, content: DemoContent, now: Date) {
	const rows = await db
		.selectFrom('users')
		.leftJoin('teams', 'teams.id', 'users.team_id')
		.select(['users.id', 'users.email', 'users.name', 'users.team_id', 'teams.manager_id'])
		.execute();
	const teams = await db.selectFrom('teams').select(['id', 'name']).execute();
	const person = (email: string) => {
		const found = rows.find((row) => row.email === email);
		if (!found) throw new Error(`the demo names an unknown person: ${email}`);
		return found;
	};
	const team = (name: string) => teams.find((t) => t.name === name)!.id;
	const psw = person(content.people.find((p) => p.roles.includes('psw'))!.email).id;
	const asye = person(content.programme.demoAsye);
	const ago = (n: number) => new Date(now.getTime() - days(n));
	return { db, content, now, today: dateOnly(now), person, team, psw, asye, ago };
}

/** What a record or an observation shows: outcomes, and statements (`2.3 D4`) with theirs. */
export function mappingOf(outcomes: string[], statements: string[]) {
	return {
		frameworkVersion: demoFrameworkVersion,
		outcomes: [...new Set([...outcomes, ...statements.map(outcomeOf)])],
		statements: statements.map((id) => ({ outcomeId: outcomeOf(id), statementId: id }))
	};
}

/** When an ASYE now in `month` started: ten days into the month, so they stay in it a while. */
export const asyeStart = (now: Date, month: number) =>
	addMonths(addDays(dateOnly(now), -10), 1 - month);
