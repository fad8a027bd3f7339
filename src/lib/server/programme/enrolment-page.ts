import { error, redirect, type Actions } from '@sveltejs/kit';
import { withNotice } from '$lib/notice';
import type { SessionUser } from '../auth/session';
import { getDb, type Db } from '../db';
import { dateOnly } from '../db/time';
import { invalid, orFail, readFormData } from '../forms';
import { getPerson } from '../people/users';
import { enrolmentProgramme, programmeDefinitions } from '.';
import { assessorChoices, enrolmentAssessor } from './assessor';
import { enrol } from './enrol';
import { enrolmentForms, readEnrolmentForm } from './enrolment-form';
import { activeEnrolmentOf, enrolmentsOf } from './enrolments';
import { enrolmentHistory } from './history';
import {
	changeHours,
	endEnrolment,
	extendEnrolment,
	pauseEnrolment,
	resumeEnrolment,
	transferAssessor
} from './lifecycle';

// The page that enrols someone and manages their enrolment, for administrators
// (`/admin/people/<id>/programme`) and principal social workers
// (`/workforce/people/<id>/programme`): one load and one set of actions, each route saying who
// may use it and where it lives.

type Who = () => SessionUser;

async function findPerson(db: Db, id: string) {
	const person = await getPerson(db, id);
	if (!person) error(404, 'There is nobody with this id.');
	return person;
}

/** The person, their programme today with its calendar, the choices, and every enrolment's history. */
export async function loadEnrolmentPage(who: Who, personId: string) {
	who();
	const db = getDb();
	const person = await findPerson(db, personId);
	const today = dateOnly();
	const enrolments = await enrolmentsOf(db, person.id);
	const active = enrolments.find((e) => e.status === 'active');
	return {
		person: {
			id: person.id,
			name: person.name,
			practitioner: person.roles.includes('practitioner') && person.active === 1
		},
		programmes: programmeDefinitions().map((p) => ({ value: p.id, label: p.title })),
		assessors: (await assessorChoices(db))
			.filter((a) => a.id !== person.id)
			.map((a) => ({ value: a.id, label: a.name })),
		current: (active && (await enrolmentProgramme(db, active, today))) ?? null,
		assessor: (active && (await enrolmentAssessor(db, active, today))?.name) ?? null,
		history: await enrolmentHistory(db, enrolments)
	};
}

type Forms = typeof enrolmentForms;
type Read<K extends keyof Forms> = Extract<
	ReturnType<typeof readEnrolmentForm<Forms[K]>>,
	{ ok: true }
>;

/**
 * One form's action: read it, refuse with every message at once, run the change, and go back
 * to the page with a success notice (`?saved=<form>`). A change needs an active enrolment.
 */
function formAction<K extends keyof Forms>(
	who: Who,
	base: (personId: string) => string,
	name: K,
	run: (db: Db, actorId: string, target: string, form: Read<K>) => Promise<unknown>
) {
	return async ({ params, request }: { params: { id: string }; request: Request }) => {
		const actor = who();
		const db = getDb();
		const person = await findPerson(db, params.id);
		const form = readEnrolmentForm(enrolmentForms[name], await readFormData(request));
		if (!form.ok) return invalid(form.values, form.errors);
		let target = person.id;
		if (name !== 'enrol') {
			const enrolment = await activeEnrolmentOf(db, person.id);
			if (!enrolment) error(404, 'They are not enrolled on a programme.');
			target = enrolment.id;
		}
		const refused = await orFail(form.values, () => run(db, actor.id, target, form as Read<K>));
		if (refused) return refused;
		redirect(303, withNotice(base(person.id), name));
	};
}

/** The enrolment page's actions, for whoever `who` lets in, on the page at `base`. */
export function enrolmentActions(who: Who, base: (personId: string) => string) {
	return {
		enrol: formAction(who, base, 'enrol', (db, actor, personId, { data, dates }) =>
			enrol(db, actor, { personId, ...data, startsOn: dates.startsOn! })
		),
		hours: formAction(who, base, 'hours', (db, actor, id, { data, dates }) =>
			changeHours(db, actor, id, { fromOn: dates.hoursFrom!, ftePercent: data.hoursPercent })
		),
		pause: formAction(who, base, 'pause', (db, actor, id, { dates }) =>
			pauseEnrolment(db, actor, id, { startsOn: dates.pauseFrom!, endsOn: dates.pauseUntil })
		),
		resume: formAction(who, base, 'resume', (db, actor, id, { dates }) =>
			resumeEnrolment(db, actor, id, dates.resumeOn!)
		),
		extend: formAction(who, base, 'extend', (db, actor, id, { data }) =>
			extendEnrolment(db, actor, id, { months: data.extendMonths, reason: data.extendReason })
		),
		transfer: formAction(who, base, 'transfer', (db, actor, id, { data, dates }) =>
			transferAssessor(db, actor, id, { assessorId: data.transferTo, fromOn: dates.transferFrom! })
		),
		end: formAction(who, base, 'end', (db, actor, id, { data, dates }) =>
			endEnrolment(db, actor, id, {
				ending: data.ending,
				endedOn: dates.endedOn!,
				note: data.endNote
			})
		)
	} satisfies Actions<{ id: string }>;
}
