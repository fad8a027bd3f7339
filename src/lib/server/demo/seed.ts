import { hashPassword } from '../auth/password';
import { markDemoAuthority } from '../auth/two-factor-policy';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { relationshipKinds } from '../db/schema';
import { dateOnly, timestamp } from '../db/time';
import { addMonths } from '../programme/month';
import { insertRows } from '../db/batches';
import { asyeStart, demoIn, demoPassword, type Demo } from './authority';
import { demoContent, type DemoContent, type DemoPerson } from '../content/demo';
import { seedDemoAudits } from './seed-audits';
import { seedDemoEvidence, seedDemoExtras, seedDemoSignoffs } from './seed-evidence';
import { seedDemoPathways } from './seed-pathways';
import { seedDemoProgrammes, seedDemoSupervision } from './seed-programme';
import {
	seedAuditVoices,
	seedDemoFeedback,
	seedDemoInvitations,
	seedHealthCheck
} from './seed-links';

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
	const demo = await demoIn(db, content, now);
	await insertEnrolments(demo);
	await seedDemoEvidence(demo);
	await seedDemoExtras(demo);
	await seedDemoSignoffs(demo);
	await seedDemoProgrammes(demo);
	await seedDemoInvitations(demo);
	const auditInProgress = await seedDemoAudits(demo);
	await seedDemoPathways(demo);
	// After the audits: a session discusses the audit finalised before it.
	await seedDemoSupervision(demo);
	await seedDemoFeedback(demo);
	await seedAuditVoices(demo, auditInProgress);
	await seedHealthCheck(demo);
}

/** A fictional registration number, the same for a person on every run. */
function sweNumber(email: string) {
	let n = 0;
	for (const char of email) n = (n * 31 + char.charCodeAt(0)) % 900000;
	return `SW${100000 + n}`;
}

/** Everyone with their roles and teams, and who supervises whom. */
async function insertPeople(db: Db, content: DemoContent, passwordHash: string, now: Date) {
	const { people, teams } = content;
	const created_at = timestamp(now);
	const ids = new Map(people.map((p) => [p.email, newId()]));
	const id = (email: string) => ids.get(email)!;
	const users = people.map((p) => ({
		id: id(p.email),
		email: p.email,
		name: p.name,
		password_hash: passwordHash,
		career_stage: p.stage ?? null,
		swe_number: p.stage ? sweNumber(p.email) : null,
		active: 1,
		created_at
	}));
	await insertRows(db, 'users', users);
	const roles = people.flatMap((p) => p.roles.map((role) => ({ user_id: id(p.email), role })));
	await insertRows(db, 'user_roles', roles);
	const teamRows = teams.map((t) => ({
		id: newId(),
		name: t.name,
		manager_id: id(t.manager),
		service: t.service ?? null,
		created_at
	}));
	await insertRows(db, 'teams', teamRows);
	// Teams name their managers, so people join their teams once both exist.
	for (const team of teamRows) {
		const members = people.filter((p) => p.team === team.name).map((p) => id(p.email));
		await db.updateTable('users').set({ team_id: team.id }).where('id', 'in', members).execute();
	}
	const relationships = supervisionPeriods(people, now).flatMap((period) =>
		relationshipKinds.map((kind) => ({
			id: newId(),
			kind,
			supervisor_id: id(kind === 'assessor' ? period.assessor : period.supervisor),
			supervisee_id: id(period.supervisee),
			starts_on: period.startsOn,
			ends_on: period.endsOn,
			created_at
		}))
	);
	await insertRows(db, 'supervisions', relationships);
}

/** The ASYEs' enrolments, some part time and one extended, so that their dates move. */
async function insertEnrolments({ db, content, now, person }: Demo) {
	const { partTime, extension } = content.programme;
	const created_at = timestamp(now);
	const enrolments = content.people
		.filter((p) => p.asyeMonth)
		.map((p) => ({
			id: newId(),
			user_id: person(p.email).id,
			programme: 'asye',
			starts_on: since(p, now),
			fte_percent: partTime[p.email] ?? 100,
			created_at
		}));
	await insertRows(db, 'enrolments', enrolments);
	const { months, reason } = extension;
	const enrolment_id = enrolments.find((e) => e.user_id === person(extension.for).id)!.id;
	const extended = { id: newId(), enrolment_id, months, reason, created_at };
	await insertRows(db, 'enrolment_extensions', [extended]);
}

/** ASYEs have been supervised since they started; everyone else for the past year. */
const since = (p: Pick<DemoPerson, 'asyeMonth'>, now: Date) =>
	p.asyeMonth ? asyeStart(now, p.asyeMonth) : addMonths(dateOnly(now), -12);

/**
 * Who has supervised whom, and since when: one person holds all three relationships, except
 * where an external assessor assesses; someone supervised by another at first, by both in turn.
 */
function supervisionPeriods(people: DemoPerson[], now: Date) {
	return people.flatMap(({ email: supervisee, supervisor, assessor, before, ...p }) => {
		if (!supervisor || !assessor) return [];
		const startsOn = since(p, now);
		const period = { supervisee, supervisor, assessor, startsOn, endsOn: null as string | null };
		if (!before) return [period];
		const handover = addMonths(startsOn, before.months);
		const first = { ...period, supervisor: before.supervisor, assessor: before.supervisor };
		return [
			{ ...first, endsOn: handover },
			{ ...period, startsOn: handover }
		];
	});
}
