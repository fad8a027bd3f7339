import type { SessionUser } from './auth/session';
import type { Db } from './db';
import type { RelationshipKind } from './db/schema';
import { byIsoDate, dateOnly } from './db/time';
import { firstSignInWords } from './auth/invitations';
import { countUnsent } from './mail/outbox';
import { yetToSignIn } from './people/users';
import { openHandovers } from './people/handovers';
import { currentRelationships, kindsHeldBy, practitionersOf } from './people/relationships';
import { programmes } from './programme/enrolments';
import { programmeDefinitions, programmeFor } from './programme';
import { enrolmentsOnProgramme } from './programme/on-programme';
import { practitioners } from './workforce/filters';
import { reviewQueue } from './review/review';
import { openActionsOf } from './review/supervision-actions';
import { keepsSchedule, supervisionSchedules } from './review/supervision-schedule';
import { listAudits } from './audit/access';
import { pathwaysFor } from './learning/assignments';
import { cpdReminderFor } from './cpd/reminders';
import { keepsPortfolio } from './portfolio/owner';
import { invitationsToObserve } from './observation/invitation-lists';

async function practitionerHome(db: Db, user: SessionUser, today: string) {
	const programme = (await programmes(db, [user.id], today)).get(user.id) ?? null;
	// Who holds which relationship to them, one entry a person: "Sam Okoro: line manager, …".
	const holders = new Map<string, { name: string; kinds: RelationshipKind[] }>();
	for (const r of await currentRelationships(db, user.id, today)) {
		const holder = holders.get(r.holderId) ?? { name: r.name, kinds: [] };
		holder.kinds.push(r.kind);
		holders.set(r.holderId, holder);
	}
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
	const learning = await db
		.selectFrom('learning_needs')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('practitioner_id', '=', user.id)
		.where('status', '=', 'open')
		.executeTakeFirstOrThrow();
	const pathwaysOpen = (await pathwaysFor(db, user.id)).filter((p) => !p.completed_at).length;
	return {
		openActions: (await openActionsOf(db, user.id)).length,
		openNeeds: Number(learning.n),
		pathwaysOpen,
		programme,
		relationships: [...holders.values()],
		returned,
		drafts: Number(drafts.n),
		reviewsDue
	};
}

/** For supervisors and external assessors: the people they hold a relationship to. */
async function supervisorHome(db: Db, user: SessionUser, today: string) {
	const kinds = kindsHeldBy(user.roles);
	const supervisees = await practitionersOf(db, user.id, kinds, today);
	const enrolled = await programmes(
		db,
		supervisees.map((s) => s.id),
		today
	);
	return {
		assessesOnly: kinds.every((kind) => kind === 'assessor'),
		supervisees: supervisees.map((s) => ({ ...s, programme: enrolled.get(s.id) ?? null })),
		reviewsDue: (
			await Promise.all(
				// Review points are the assessor's to record.
				supervisees
					.filter((s) => s.kinds.includes('assessor'))
					.map(async (s) =>
						((await programmeFor(db, s.id, today))?.reviews ?? [])
							.filter((r) => r.state === 'overdue' || r.state === 'due-soon')
							.map((r) => ({ ...r, personId: s.id, personName: s.name }))
					)
			)
		).flat(),
		supervisionDue: await supervisionDue(db, user, supervisees, today),
		toReview: (await reviewQueue(db, user.id, today)).length
	};
}

/**
 * Supervision sessions overdue, or due within 7 days, for the people whose schedule this
 * supervisor keeps (`keepsSchedule`): the most overdue first.
 */
async function supervisionDue(
	db: Db,
	user: SessionUser,
	supervisees: { id: string; name: string; kinds: RelationshipKind[] }[],
	today: string
) {
	const kept = [];
	for (const s of supervisees)
		if (s.kinds.some((k) => k !== 'assessor') && (await keepsSchedule(db, user.id, s.id, today)))
			kept.push(s);
	const schedules = await supervisionSchedules(
		db,
		kept.map((s) => s.id),
		today
	);
	return kept
		.flatMap((s) => {
			const schedule = schedules.get(s.id);
			if (!schedule || (schedule.overdue === 0 && schedule.nextState !== 'due')) return [];
			const { nextDueOn, overdue, overdueSince } = schedule;
			return [{ personId: s.id, personName: s.name, nextDueOn: nextDueOn!, overdue, overdueSince }];
		})
		.sort((a, b) => b.overdue - a.overdue || byIsoDate(a.nextDueOn, b.nextDueOn));
}

/**
 * How many practitioners are on a programme today, in all and by programme: the same people
 * `/workforce/progress` lists (`enrolmentsOnProgramme`), whatever the programme's length.
 */
async function onProgrammeCounts(db: Db, today: string) {
	const rows = await enrolmentsOnProgramme(db, today)
		.where('enrolments.user_id', 'in', practitioners(db, { period: 'all' }))
		.select(['enrolments.programme', 'enrolments.user_id'])
		.execute();
	return {
		people: new Set(rows.map((r) => r.user_id)).size,
		byProgramme: programmeDefinitions()
			.map((p) => ({
				title: p.title,
				count: rows.filter((r) => r.programme === p.id).length
			}))
			.filter((p) => p.count > 0)
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
	const onProgramme = await onProgrammeCounts(db, today);
	const teams = Number(
		(
			await db
				.selectFrom('teams')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);
	return { practitioners: await count('practitioner'), onProgramme, teams };
}

/** Audits waiting for this person: drafts they are writing, and what waits on finalised ones. */
async function auditsHome(db: Db, user: SessionUser, today: string) {
	const audits = user.roles.includes('psw')
		? await listAudits(db, user, { attention: true }, today)
		: [
				...(await listAudits(db, user, { status: 'draft' }, today)),
				...(await listAudits(db, user, { attention: true }, today))
			];
	const seen = new Set<string>();
	return audits
		.filter((a) => !seen.has(a.id) && seen.add(a.id))
		.filter((a) => {
			const auditor = a.auditor_id === user.id || a.co_auditor_id === user.id;
			return (
				(a.status === 'draft' && auditor) ||
				(a.status === 'finalised' && (a.manager_id === user.id || user.roles.includes('psw')))
			);
		})
		.slice(0, 20)
		.map((a) => ({
			id: a.id,
			caseRef: a.case_ref,
			practitionerName: a.practitionerName,
			status: a.status,
			waiting: [
				...(a.status === 'draft' ? ['you to finish and finalise it'] : []),
				...(a.escalation === 'same-day' && !a.response_at ? ['a same-day response'] : []),
				...(a.escalation === 'urgent-review' && !a.response_at ? ['an urgent review'] : []),
				...(a.status === 'finalised' && !a.receipt_at ? ['receipt by the team manager'] : []),
				...(Number(a.overdueActions) > 0
					? [`${a.overdueActions} overdue ${Number(a.overdueActions) === 1 ? 'action' : 'actions'}`]
					: [])
			]
		}));
}

async function adminHome(db: Db) {
	const added = await db
		.selectFrom('users')
		.select(['id', 'name', 'email', 'created_at', 'password_hash'])
		.where('password_hash', 'is', null)
		.where('active', '=', 1)
		.orderBy('created_at')
		.execute();
	const yetTo = await yetToSignIn(db, added);
	return {
		invited: added
			.filter(yetTo)
			.map(({ id, name, email, created_at }) => ({ id, name, email, created_at })),
		words: firstSignInWords(),
		unsent: await countUnsent(db),
		smtp: Boolean(process.env.SMTP_URL)
	};
}

/**
 * Practitioners handed over to this person when someone who supervised them left, each with
 * the records waiting for review and the review points due that now wait on somebody.
 */
async function handoversHome(db: Db, user: SessionUser, today: string) {
	return Promise.all(
		(await openHandovers(db, user, today)).map(async (handover) => {
			const awaiting = await db
				.selectFrom('evidence')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('owner_id', '=', handover.practitionerId)
				.where('status', '=', 'submitted')
				.executeTakeFirstOrThrow();
			const reviews = (await programmeFor(db, handover.practitionerId, today))?.reviews ?? [];
			return {
				...handover,
				awaitingReview: Number(awaiting.n),
				reviewsDue: reviews.filter((r) => r.state === 'overdue' || r.state === 'due-soon').length
			};
		})
	);
}

/** What needs each role's attention, for the home page after sign-in. */
export async function homeFor(db: Db, user: SessionUser, today = dateOnly()) {
	const has = (role: SessionUser['roles'][number]) => user.roles.includes(role);
	return {
		handovers: await handoversHome(db, user, today),
		// Anyone may be invited to observe a colleague.
		observations: await invitationsToObserve(db, user.id),
		cpd: await cpdReminderFor(db, user, today),
		practitioner: has('practitioner') ? await practitionerHome(db, user, today) : null,
		// Anyone else with a registration number keeps their CPD records here.
		cpdRecords: !has('practitioner') && keepsPortfolio(user),
		supervisor:
			has('supervisor') || has('external-assessor') ? await supervisorHome(db, user, today) : null,
		audits:
			has('auditor') || has('supervisor') || has('psw') ? await auditsHome(db, user, today) : null,
		psw: has('psw') ? await pswHome(db, today) : null,
		admin: has('admin') ? await adminHome(db) : null
	};
}
