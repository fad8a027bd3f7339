import { hashPassword } from '../auth/password';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { dateOnly, timestamp } from '../db/time';
import { addMonths } from '../programme/month';
import { demoPassword, demoPeople, demoTeams } from './authority';
import { demoEvidence } from './evidence';
import { seedDemoAudits } from './seed-audits';
import { seedNewStarter } from './seed-new-starter';
import {
	seedDemoAgreements,
	seedDemoEvidence,
	seedDemoExtras,
	seedDemoObservations,
	seedDemoProgrammes,
	seedDemoSignoffs,
	seedDemoSupervision
} from './seed-evidence';

/** The demo portfolios were written against the March 2025 standards. */
const demoFrameworkVersion = 'pqs-2025';
const pqsOutcomes = [
	'1.1',
	'1.2',
	'1.3',
	'1.4',
	'2.1',
	'2.2',
	'2.3',
	'2.4',
	'2.5',
	'2.6',
	'3.1',
	'3.2',
	'3.3',
	'4.1',
	'4.2',
	'4.3',
	'4.4',
	'4.5',
	'5.1',
	'5.2',
	'5.3',
	'5.4',
	'6.1',
	'6.2',
	'6.3',
	'6.4'
];

/** A fictional registration number, the same for a person on every run. */
function sweNumber(email: string) {
	let n = 0;
	for (const char of email) n = (n * 31 + char.charCodeAt(0)) % 900000;
	return `SW${100000 + n}`;
}

/**
 * Creates the demo authority in an empty database, dated relative to today so that each
 * ASYE is in the month the demo describes (practitioner@demo.test in month 5).
 */
export async function seedDemoAuthority(db: Db, now = new Date()) {
	const today = dateOnly(now);
	const created = timestamp(now);
	// Everyone shares one password, so one hash serves (this is demo data only).
	const passwordHash = await hashPassword(demoPassword);
	const ids = new Map(demoPeople.map((p) => [p.email, newId()]));
	const id = (email: string) => ids.get(email)!;
	// Ten days into the month, so that each ASYE stays in their month for a while after seeding.
	const asyeStart = (month: number) =>
		addMonths(dateOnly(new Date(now.getTime() - 10 * 86_400_000)), -(month - 1));
	const teamIds = new Map(demoTeams.map((t) => [t.name, newId()]));

	await db.transaction().execute(async (tx) => {
		await tx
			.insertInto('users')
			.values(
				demoPeople.map((p) => ({
					id: id(p.email),
					email: p.email,
					name: p.name,
					password_hash: passwordHash,
					career_stage: p.stage ?? null,
					swe_number: p.stage ? sweNumber(p.email) : null,
					team_id: null,
					active: 1,
					created_at: created,
					deactivated_at: null
				}))
			)
			.execute();
		await tx
			.insertInto('user_roles')
			.values(demoPeople.flatMap((p) => p.roles.map((role) => ({ user_id: id(p.email), role }))))
			.execute();
		await tx
			.insertInto('teams')
			.values(
				demoTeams.map((t) => ({
					id: teamIds.get(t.name)!,
					name: t.name,
					manager_id: id(t.manager),
					created_at: created
				}))
			)
			.execute();
		for (const p of demoPeople.filter((p) => p.team)) {
			await tx
				.updateTable('users')
				.set({ team_id: teamIds.get(p.team!)! })
				.where('id', '=', id(p.email))
				.execute();
		}

		const supervision = (
			supervisor: string,
			supervisee: string,
			startsOn: string,
			endsOn: string | null
		) => ({
			id: newId(),
			supervisor_id: id(supervisor),
			supervisee_id: id(supervisee),
			starts_on: startsOn,
			ends_on: endsOn,
			created_by: null,
			created_at: created
		});
		// ASYEs have been supervised since they started; others for the past year.
		const current = demoPeople
			.filter((p) => p.supervisor)
			.map((p) =>
				supervision(
					p.supervisor!,
					p.email,
					p.asyeMonth ? asyeStart(p.asyeMonth) : addMonths(today, -12),
					null
				)
			);
		// History: the demo ASYE began with the team manager, then moved to a practice supervisor.
		const first = current.find((s) => s.supervisee_id === id('practitioner@demo.test'))!;
		const handover = addMonths(first.starts_on, 1);
		const earlier = supervision(
			'grace.mensah@demo.test',
			'practitioner@demo.test',
			first.starts_on,
			handover
		);
		first.starts_on = handover;
		await tx
			.insertInto('supervisions')
			.values([earlier, ...current])
			.execute();
		const asyes = demoPeople.filter((p) => p.asyeMonth);
		await tx
			.insertInto('enrolments')
			.values(
				asyes.map((p) => ({
					id: newId(),
					user_id: id(p.email),
					programme: 'asye',
					starts_on: asyeStart(p.asyeMonth!),
					created_at: created
				}))
			)
			.execute();
	});
	await seedDemoEvidence(db, demoEvidence, demoFrameworkVersion, now);
	await seedDemoExtras(
		db,
		'practitioner@demo.test',
		demoFrameworkVersion,
		pqsOutcomes,
		asyeStart(5)
	);
	await seedDemoSignoffs(
		db,
		demoFrameworkVersion,
		['lucy.chen@demo.test', 'dev.patel@demo.test', 'kwame.boateng@demo.test'],
		now
	);
	await seedDemoProgrammes(db, now);
	await seedDemoObservations(db, demoFrameworkVersion, now);
	await seedDemoSupervision(db, now);
	await seedDemoAgreements(db, now);
	await seedDemoAudits(db, now);
	await seedNewStarter(db, passwordHash, now);
}
