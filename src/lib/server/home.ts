import type { SessionUser } from './auth/session';
import type { Db } from './db';
import { dateOnly } from './db/time';
import { countUnsent } from './mail/outbox';
import { currentSupervisees, currentSupervisor } from './people/supervision';
import { programmeMonth } from './programme/month';
import { programmes } from './programme/enrolments';
import { programmeFor } from './programme';
import { reviewQueue } from './review/review';

async function practitionerHome(db: Db, user: SessionUser, today: string) {
	const programme = (await programmes(db, [user.id], today)).get(user.id) ?? null;
	const supervisor = await currentSupervisor(db, user.id, today);
	const returned = await db
		.selectFrom('evidence')
		.select(['id', 'title', 'reviewed_at'])
		.where('owner_id', '=', user.id)
		.where('status', '=', 'returned')
		.orderBy('reviewed_at', 'desc')
		.execute();
	const drafts = await db
		.selectFrom('evidence')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('owner_id', '=', user.id)
		.where('status', '=', 'draft')
		.executeTakeFirstOrThrow();
	const calendar = await programmeFor(db, user.id, today);
	const reviewsDue = (calendar?.reviews ?? []).filter(
		(r) => r.state === 'overdue' || r.state === 'due-soon'
	);
	return {
		programme,
		supervisor: supervisor ?? null,
		returned,
		drafts: Number(drafts.n),
		reviewsDue
	};
}

async function supervisorHome(db: Db, user: SessionUser, today: string) {
	const supervisees = await currentSupervisees(db, user.id, today);
	const enrolled = await programmes(
		db,
		supervisees.map((s) => s.id),
		today
	);
	return {
		supervisees: supervisees.map((s) => ({ ...s, programme: enrolled.get(s.id) ?? null })),
		reviewsDue: (
			await Promise.all(
				supervisees.map(async (s) =>
					((await programmeFor(db, s.id, today))?.reviews ?? [])
						.filter((r) => r.state === 'overdue' || r.state === 'due-soon')
						.map((r) => ({ ...r, personId: s.id, personName: s.name }))
				)
			)
		).flat(),
		toReview: (await reviewQueue(db, user.id, today)).length
	};
}

async function pswHome(db: Db, today: string) {
	const count = async (role: 'practitioner') =>
		Number(
			(
				await db
					.selectFrom('user_roles')
					.innerJoin('users', 'users.id', 'user_roles.user_id')
					.select((eb) => eb.fn.countAll().as('n'))
					.where('role', '=', role)
					.where('users.active', '=', 1)
					.executeTakeFirstOrThrow()
			).n
		);
	const enrolments = await db
		.selectFrom('enrolments')
		.innerJoin('users', 'users.id', 'enrolments.user_id')
		.select(['enrolments.starts_on'])
		.where('users.active', '=', 1)
		.execute();
	const inProgramme = enrolments.filter((e) => {
		const month = programmeMonth(e.starts_on, today);
		return month >= 1 && month <= 12;
	}).length;
	const teams = Number(
		(
			await db
				.selectFrom('teams')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);
	return { practitioners: await count('practitioner'), asyes: inProgramme, teams };
}

async function adminHome(db: Db) {
	const invited = await db
		.selectFrom('users')
		.select(['id', 'name', 'email', 'created_at'])
		.where('password_hash', 'is', null)
		.where('active', '=', 1)
		.orderBy('created_at')
		.execute();
	return { invited, unsent: await countUnsent(db), smtp: Boolean(process.env.SMTP_URL) };
}

/** What needs each role's attention, for the home page after sign-in. */
export async function homeFor(db: Db, user: SessionUser, today = dateOnly()) {
	const has = (role: SessionUser['roles'][number]) => user.roles.includes(role);
	return {
		practitioner: has('practitioner') ? await practitionerHome(db, user, today) : null,
		supervisor: has('supervisor') ? await supervisorHome(db, user, today) : null,
		auditor: has('auditor') ? { audits: [] as { id: string }[] } : null,
		psw: has('psw') ? await pswHome(db, today) : null,
		admin: has('admin') ? await adminHome(db) : null
	};
}
