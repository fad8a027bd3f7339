import { hashPassword } from '../auth/password';
import { markDemoAuthority } from '../auth/two-factor-policy';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { dateOnly, days, timestamp } from '../db/time';
import { addMonths } from '../programme/month';
import { relationshipKinds } from '../db/schema';
import { demoContent, demoPassword } from './authority';
import type { DemoContent } from './content';
import { seedDemoAudits } from './seed-audits';
import { seedDemoEvidence, seedDemoExtras, seedDemoSignoffs } from './seed-evidence';
import {
	seedDemoAgreements,
	seedDemoObservations,
	seedDemoPlans,
	seedDemoProgrammes
} from './seed-programme';
import { seedDemoSupervision } from './seed-supervision';

/** A fictional registration number, the same for a person on every run. */
function sweNumber(email: string) {
	let n = 0;
	for (const char of email) n = (n * 31 + char.charCodeAt(0)) % 900000;
	return `SW${100000 + n}`;
}

/** When an ASYE now in `month` started: ten days into the month, so they stay in it a while. */
const asyeStart = (now: Date, month: number) =>
	addMonths(dateOnly(new Date(now.getTime() - days(10))), -(month - 1));

/**
 * Creates the demo authority (content/demo) in an empty database, dated relative to today so
 * that each ASYE is in the month the demo describes (practitioner@demo.test in month 5).
 */
export async function seedDemoAuthority(db: Db, now = new Date()) {
	const content = demoContent();
	// Everyone shares one password, so one hash serves (this is demo data only).
	const passwordHash = await hashPassword(demoPassword);
	await db.transaction().execute(async (tx) => {
		await insertPeople(tx, content, passwordHash, now);
		// So that its demo accounts keep password-only sign-in (see two-factor-policy.ts).
		await markDemoAuthority(tx);
	});
	const { programme } = content;
	await seedDemoEvidence(db, content.evidence, now);
	await seedDemoExtras(db, programme, 'practitioner@demo.test', asyeStart(now, 5));
	const laterYears = ['lucy.chen@demo.test', 'dev.patel@demo.test', 'kwame.boateng@demo.test'];
	await seedDemoSignoffs(db, programme, laterYears, now);
	await seedDemoProgrammes(db, programme, now);
	await seedDemoPlans(db, programme, now);
	await seedDemoObservations(db, programme, now);
	await seedDemoAgreements(db, programme, now);
	await seedDemoAudits(db, content.audits, now);
	// After the audits: a session discusses the audit finalised before it.
	await seedDemoSupervision(db, programme, now);
}

async function insertPeople(db: Db, content: DemoContent, passwordHash: string, now: Date) {
	const { people, teams } = content;
	const created = timestamp(now);
	const ids = new Map(people.map((p) => [p.email, newId()]));
	const id = (email: string) => ids.get(email)!;
	const teamIds = new Map(teams.map((t) => [t.name, newId()]));
	await db
		.insertInto('users')
		.values(
			people.map((p) => ({
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
	await db
		.insertInto('user_roles')
		.values(people.flatMap((p) => p.roles.map((role) => ({ user_id: id(p.email), role }))))
		.execute();
	await db
		.insertInto('teams')
		.values(
			teams.map((t) => ({
				id: teamIds.get(t.name)!,
				name: t.name,
				manager_id: id(t.manager),
				created_at: created
			}))
		)
		.execute();
	// Teams name their managers, so people join their teams once both exist.
	for (const p of people.filter((p) => p.team))
		await db
			.updateTable('users')
			.set({ team_id: teamIds.get(p.team!)! })
			.where('id', '=', id(p.email))
			.execute();
	await insertSupervision(db, content, id, now);
}

/**
 * ASYEs supervised and assessed since they started, and enrolled; others supervised for the past
 * year.
 */
async function insertSupervision(
	db: Db,
	{ people }: DemoContent,
	id: (email: string) => string,
	now: Date
) {
	const supervision = (supervisor: string, supervisee: string, startsOn: string) => ({
		id: newId(),
		supervisor_id: id(supervisor),
		supervisee_id: id(supervisee),
		starts_on: startsOn,
		ends_on: null as string | null,
		created_by: null,
		created_at: timestamp(now)
	});
	const current = people
		.filter((p) => p.supervisor)
		.map((p) => {
			const since = p.asyeMonth ? asyeStart(now, p.asyeMonth) : addMonths(dateOnly(now), -12);
			return supervision(p.supervisor!, p.email, since);
		});
	// History: the demo ASYE began with the team manager, then moved to a practice supervisor.
	const first = current.find((s) => s.supervisee_id === id('practitioner@demo.test'))!;
	const handover = addMonths(first.starts_on, 1);
	const earlier = {
		...supervision('grace.mensah@demo.test', 'practitioner@demo.test', first.starts_on),
		ends_on: handover
	};
	first.starts_on = handover;
	// One person holds all three relationships, except where an external assessor assesses.
	const assessorOf = new Map(
		people.flatMap((p) => (p.assesses ?? []).map((email) => [id(email), id(p.email)]))
	);
	await db
		.insertInto('supervisions')
		.values(
			[earlier, ...current].flatMap((s) =>
				relationshipKinds.map((kind) => ({
					...s,
					id: newId(),
					kind,
					supervisor_id:
						kind === 'assessor' && s.ends_on === null
							? (assessorOf.get(s.supervisee_id) ?? s.supervisor_id)
							: s.supervisor_id
				}))
			)
		)
		.execute();
	const enrolments = people
		.filter((p) => p.asyeMonth)
		.map((p) => ({
			id: newId(),
			user_id: id(p.email),
			programme: 'asye',
			starts_on: asyeStart(now, p.asyeMonth!),
			created_at: timestamp(now)
		}));
	await db.insertInto('enrolments').values(enrolments).execute();
}
