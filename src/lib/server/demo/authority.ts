import { auditDefinition } from '../audit';
import { bundledContent } from '../content/bundled';
import type { Db } from '../db';
import { frameworkLibrary } from '../framework';
import { standardSets } from '../standards';
import { loadDemoContent, type DemoContent } from './content';

// The demo authority: a fictional one, so every name and number in content/demo is invented.

export const demoPassword = 'golden-thread-demo';

let content: DemoContent | undefined;

/** content/demo as bundled at build (the build has checked it). */
export function demoContent(): DemoContent {
	content ??= loadDemoContent(bundledContent, {
		frameworks: frameworkLibrary().frameworks,
		standardSets: standardSets(),
		audit: auditDefinition()
	});
	return content;
}

/** Everyone's id, team and manager, looked up by email; an unknown email is an error. */
export async function demoPeopleIn(db: Db) {
	const rows = await db
		.selectFrom('users')
		.leftJoin('teams', 'teams.id', 'users.team_id')
		.select(['users.id', 'users.email', 'users.team_id', 'teams.manager_id'])
		.execute();
	const byEmail = new Map(rows.map((row) => [row.email, row]));
	return (email: string) => {
		const person = byEmail.get(email);
		if (!person) throw new Error(`the demo names an unknown person: ${email}`);
		return person;
	};
}
