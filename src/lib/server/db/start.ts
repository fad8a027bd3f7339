import { createOneTimeLink } from '../auth/one-time-link';
import { keepCpdYears } from '../cpd/kept-years';
import { seedDemoAuthority } from '../demo/seed';
import { createPerson } from '../people/users';
import { startSignoffs } from '../signoff/heads';
import { readSignoffKey } from '../signoff/key.js';
import { databaseUrl, type Db } from './index';
import { migrateToLatest } from './migrate';
import { oneServerAtATime } from './start-lock';
import { publicOrigin } from '../http/origin.js';
import { cpdRule } from '../workforce';

/**
 * Brings the database up to date and seals the sign-off chains the first time. An empty
 * database gets the demo authority, or with DEMO_DATA=off, a first administrator
 * (ADMIN_EMAIL) with a link to set a password.
 */
export async function startDatabase(db: Db, url = databaseUrl()) {
	// PostgreSQL needs SIGNOFF_KEY: say so before changing anything.
	if (!url.startsWith('file:')) readSignoffKey(url);
	// Servers starting together on one database take turns, so only the first fills it.
	await oneServerAtATime(db, () => bringUp(db, url));
}

async function bringUp(db: Db, url: string) {
	const applied = await migrateToLatest(db);
	if (applied.length > 0) console.log(`Database migrated: ${applied.join(', ')}`);
	await keepCpdYears(db, cpdRule());
	const sealed = await startSignoffs(db, url);
	if (sealed !== null)
		console.log(
			`Sign-off chains sealed with the sign-off key: ${sealed} ${sealed === 1 ? 'chain' : 'chains'}. This happens once; see docs/security.md if it is printed again.`
		);
	const someone = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
	if (someone) return;
	if (process.env.DEMO_DATA !== 'off') {
		await seedDemoAuthority(db);
		console.log('Empty database: created the demo authority (password "golden-thread-demo")');
		return;
	}
	const email = process.env.ADMIN_EMAIL?.trim().toLowerCase();
	if (!email)
		throw new Error('the database is empty: set ADMIN_EMAIL to create the first administrator');
	const id = await createPerson(db, null, {
		email,
		name: 'Administrator',
		roles: ['admin'],
		teamId: null,
		careerStage: null,
		sweNumber: null
	});
	const token = await createOneTimeLink(db, id, 'invite');
	console.log(
		`Created the first administrator, ${email}. Set a password at: ${publicOrigin()}/set-password/${token}`
	);
}
