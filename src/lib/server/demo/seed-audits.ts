import { grades, gradeNames, type AreaGrade, type Grade } from '$lib/audit/grades';
import { auditDefinition } from '../audit';
import { addAction, markActionDone, signOffAction } from '../audit/actions';
import { addFinding } from '../audit/findings';
import { assignModerator, recordReceipt, recordResponse } from '../audit/follow-up';
import { createAudit } from '../audit/audits';
import { finaliseAudit } from '../audit/finalise';
import { saveGrades } from '../audit/grading';
import { saveViews } from '../audit/views';
import type { Db } from '../db';
import { days } from '../db/time';
import { addMonths } from '../programme/month';
import {
	at,
	childViews,
	development,
	parentViews,
	random,
	strengths,
	type Plan
} from './audit-texts';
import { seedDemoPathways } from './seed-pathways';

// A year of fictional case audits across the demo authority's teams. Case references are
// invented codes; the texts describe practice in general terms and name no child or family.

export async function seedDemoAudits(db: Db, now = new Date()) {
	const definition = auditDefinition();
	const today = now.toISOString().slice(0, 10);
	const people = await db
		.selectFrom('users')
		.leftJoin('teams', 'teams.id', 'users.team_id')
		.select(['users.id', 'users.email', 'users.team_id', 'teams.manager_id'])
		.execute();
	const person = (email: string) => people.find((p) => p.email === email)!;
	const psw = person('psw@demo.test').id;
	const next = random(20261125);
	const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];

	// Twelve months, three audits a month: one in each team, by an auditor from outside it.
	const teams = [
		{
			auditors: ['auditor@demo.test', 'owen.price@demo.test'],
			members: [
				'tom.ellis@demo.test',
				'aisha.bello@demo.test',
				'lucy.chen@demo.test',
				'mark.fenton@demo.test',
				'nadia.rahman@demo.test',
				'joe.kelly@demo.test',
				'ruth.ambrose@demo.test',
				'ben.harris@demo.test'
			]
		},
		{
			auditors: ['auditor@demo.test', 'grace.mensah@demo.test'],
			members: [
				'liam.murphy@demo.test',
				'sara.novak@demo.test',
				'dev.patel@demo.test',
				'emma.clarke@demo.test',
				'jamal.ahmed@demo.test',
				'olivia.grant@demo.test',
				'peter.lane@demo.test',
				'zainab.ali@demo.test',
				'hannah.reid@demo.test'
			]
		},
		{
			auditors: ['auditor@demo.test', 'grace.mensah@demo.test', 'owen.price@demo.test'],
			members: [
				'ryan.cole@demo.test',
				'isla.fraser@demo.test',
				'kwame.boateng@demo.test',
				'sophie.turner@demo.test',
				'adam.wright@demo.test',
				'yasmin.haddad@demo.test',
				'george.evans@demo.test',
				'fatima.malik@demo.test',
				'noah.bennett@demo.test'
			]
		}
	];
	const weighted: Grade[] = [
		'outstanding',
		'outstanding',
		...Array<Grade>(7).fill('good'),
		'requires-improvement',
		'requires-improvement'
	];
	const themes = ['The voice of the child in plans', 'Neglect', 'Contingency planning'];
	const plans: Plan[] = [];
	for (let monthsAgo = 12; monthsAgo >= 1; monthsAgo--) {
		teams.forEach((team, t) => {
			const practitioner = team.members[(12 - monthsAgo + t * 3) % team.members.length];
			plans.push({
				practitioner,
				auditor: pick(team.auditors),
				monthsAgo,
				base: pick(weighted),
				type: monthsAgo % 4 === 0 ? 'themed' : monthsAgo % 5 === 0 ? 'multi-agency' : undefined,
				theme: monthsAgo % 4 === 0 ? themes[monthsAgo / 4 - 1] : undefined
			});
		});
	}
	// The stories the demo tells: Chris Doyle's analysis required improvement, a pathway
	// followed, and his next audit was Good; an Inadequate audit with its same-day response;
	// a recent Requires improvement still waiting for its urgent review; the demo
	// practitioner's first audit, with strengths.
	plans.push(
		{
			practitioner: 'colleague@demo.test',
			auditor: 'auditor@demo.test',
			monthsAgo: 10.5,
			base: 'good',
			force: { 'gloucestershire-2': 'requires-improvement' },
			developments: [1],
			strengths: [1]
		},
		{
			practitioner: 'colleague@demo.test',
			auditor: 'owen.price@demo.test',
			monthsAgo: 2.5,
			base: 'good',
			force: {},
			strengths: [3]
		},
		{
			practitioner: 'jamal.ahmed@demo.test',
			auditor: 'auditor@demo.test',
			coAuditor: 'grace.mensah@demo.test',
			monthsAgo: 5.5,
			base: 'requires-improvement',
			force: { 'gloucestershire-4': 'inadequate' },
			developments: [0, 6]
		},
		{
			practitioner: 'sophie.turner@demo.test',
			auditor: 'auditor@demo.test',
			monthsAgo: 0.1,
			base: 'good',
			force: { 'gloucestershire-1': 'requires-improvement' },
			grip: true,
			developments: [2]
		},
		{
			practitioner: 'practitioner@demo.test',
			auditor: 'owen.price@demo.test',
			monthsAgo: 1.5,
			base: 'good',
			force: { 'gloucestershire-1': 'outstanding' },
			strengths: [0, 1]
		}
	);
	// Every grade appears: one Outstanding audit.
	plans.push({
		practitioner: 'noah.bennett@demo.test',
		auditor: 'grace.mensah@demo.test',
		monthsAgo: 4.2,
		base: 'outstanding',
		strengths: [0, 2, 3]
	});

	let n = 0;
	for (const plan of plans) {
		n++;
		const auditedOn = (() => {
			const whole = Math.floor(plan.monthsAgo);
			const date = addMonths(today, -whole);
			const extra = Math.round((plan.monthsAgo - whole) * 30);
			const shifted = new Date(at(date).getTime() - days(extra + 3 + (n % 5)));
			return shifted.toISOString().slice(0, 10);
		})();
		const when = at(auditedOn);
		const who = person(plan.practitioner);
		const auditorId = person(plan.auditor).id;
		const id = await createAudit(
			db,
			auditorId,
			{
				type: plan.type ?? 'journey-and-impact',
				theme: plan.theme ?? null,
				caseRef: `C-${String(104000 + n * 37).padStart(6, '0')}`,
				practitionerId: who.id,
				managerId: who.manager_id,
				coAuditorId: plan.coAuditor ? person(plan.coAuditor).id : null,
				periodStart: addMonths(auditedOn, -6),
				periodEnd: auditedOn,
				auditedOn
			},
			when
		);
		const areaGrades: Record<string, { grade: AreaGrade; evidence: string }> = {};
		// At most one area falls a grade below the rest, in about one audit in five.
		const lower = !plan.force && next() < 0.2 ? pick(definition.areas).id : undefined;
		for (const area of definition.areas) {
			let grade: AreaGrade = plan.base;
			if (area.id === lower && plan.base !== 'inadequate')
				grade = grades[grades.indexOf(plan.base) + 1];
			if (plan.force?.[area.id]) grade = plan.force[area.id];
			if (area.optional && n % 3 === 0) grade = 'not-applicable';
			areaGrades[area.id] = {
				grade,
				evidence:
					grade === 'not-applicable'
						? ''
						: `${gradeNames[grade as Grade]}: seen in the case records for the period and discussed with the worker and manager.`
			};
		}
		const derived = await saveGrades(
			db,
			definition,
			auditorId,
			id,
			'audit',
			{
				grades: areaGrades,
				grip: Boolean(plan.grip),
				gripReason: plan.grip
					? 'The manager had already identified the gap, set clear actions and reviewed them weekly.'
					: ''
			},
			when
		);
		const childView = pick(childViews);
		const parentView = pick(parentViews);
		await saveViews(
			db,
			auditorId,
			id,
			{
				child_view: childView,
				parent_view: parentView,
				views_not_obtained:
					childView && parentView
						? ''
						: !childView
							? 'The child is pre-verbal; their experience was observed on a home visit.'
							: 'The parent declined to take part in the audit conversation.',
				worker_view:
					'The worker reflected on what has changed for the child and where the work needs more pace.',
				manager_view: 'The manager agreed the findings and the actions.'
			},
			when
		);
		const failing = derived.overall === 'requires-improvement' || derived.overall === 'inadequate';
		const devs = plan.developments ?? (failing ? [Math.floor(next() * development.length)] : []);
		for (const index of devs)
			await addFinding(
				db,
				auditorId,
				id,
				{ ...development[index], kind: 'development', frameworkVersion: 'pqs-2025' },
				when
			);
		const strong = plan.strengths ?? [Math.floor(next() * strengths.length)];
		for (const index of strong)
			await addFinding(
				db,
				auditorId,
				id,
				{ ...strengths[index], kind: 'strength', frameworkVersion: 'pqs-2025' },
				when
			);
		const actionIds: string[] = [];
		if (devs.length) {
			actionIds.push(
				await addAction(
					db,
					auditorId,
					id,
					{
						description:
							'Review the plan with the family and manager, with SMART outcomes and a clear contingency.',
						ownerId: who.id,
						dueOn: new Date(when.getTime() + days(28)).toISOString().slice(0, 10)
					},
					when
				)
			);
		}
		actionIds.push(
			await addAction(
				db,
				auditorId,
				id,
				{
					description:
						'Discuss the audit in supervision and agree whether to share it with the team.',
					ownerId: who.manager_id!,
					dueOn: new Date(when.getTime() + days(14)).toISOString().slice(0, 10)
				},
				when
			)
		);
		const finalised = new Date(when.getTime() + days(1));
		const escalation = await finaliseAudit(
			db,
			definition,
			auditorId,
			id,
			{ anonymityConfirmed: false, origin: 'http://localhost:3000' },
			finalised
		);
		const recent = plan.monthsAgo < 1;
		if (escalation && !recent)
			await recordResponse(
				db,
				escalation === 'same-day' ? psw : who.manager_id!,
				id,
				escalation === 'same-day'
					? 'The team manager and head of service met the worker the same day; a strategy discussion was held and the safety plan was updated that evening.'
					: 'The team manager reviewed the case with the worker within two days and the plan was updated.',
				new Date(finalised.getTime() + (escalation === 'same-day' ? 3 : 40) * 3_600_000)
			);
		if (!recent) {
			const received = new Date(finalised.getTime() + days(2));
			await recordReceipt(
				db,
				who.manager_id!,
				id,
				n % 2 ? 'Discuss in the next supervision; share the learning at the team meeting.' : '',
				received
			);
			// Most actions are done and signed off in time; a few from the last four months are not.
			const overdue = plan.monthsAgo <= 4 && n % 3 === 0;
			for (const actionId of overdue ? actionIds.slice(1) : actionIds) {
				await markActionDone(db, who.id, id, actionId, new Date(received.getTime() + days(10)));
				await signOffAction(
					db,
					who.manager_id!,
					id,
					actionId,
					new Date(received.getTime() + days(12))
				);
			}
		}
		// Moderation: a sample each quarter, by the principal social worker or a fellow auditor.
		if (!recent && n % 4 === 0) {
			const moderated: typeof areaGrades = { ...areaGrades };
			const first = definition.areas[0].id;
			if (n % 8 === 0 && moderated[first].grade !== 'not-applicable') {
				const g = grades.indexOf(moderated[first].grade as Grade);
				moderated[first] = {
					grade: grades[g === 3 ? 2 : g + 1],
					evidence: `${moderated[first].evidence} The moderator weighed the drift in visits more heavily.`
				};
			}
			const moderatedAt = new Date(finalised.getTime() + days(9));
			await assignModerator(db, psw, id, psw, moderatedAt);
			await saveGrades(
				db,
				definition,
				psw,
				id,
				'moderation',
				{
					grades: moderated,
					grip: false,
					gripReason: '',
					comments:
						n % 8 === 0
							? 'Agreed overall; one area graded lower on the evidence of drift in visits.'
							: 'Agreed: the grades are well evidenced and the actions proportionate.'
				},
				moderatedAt
			);
		}
	}

	// An audit in progress: Martin Hughes has graded some areas of the demo practitioner's work.
	const priya = person('practitioner@demo.test');
	const auditor = person('auditor@demo.test').id;
	const started = new Date(now.getTime() - days(1));
	const draft = await createAudit(
		db,
		auditor,
		{
			type: 'journey-and-impact',
			theme: null,
			caseRef: 'C-209114',
			practitionerId: priya.id,
			managerId: priya.manager_id,
			coAuditorId: null,
			periodStart: addMonths(today, -6),
			periodEnd: started.toISOString().slice(0, 10),
			auditedOn: started.toISOString().slice(0, 10)
		},
		started
	);
	await saveGrades(
		db,
		definition,
		auditor,
		draft,
		'audit',
		{
			grades: Object.fromEntries(
				definition.areas
					.slice(0, 3)
					.map((area) => [
						area.id,
						{ grade: 'good' as const, evidence: 'Seen in the records and the audit conversation.' }
					])
			),
			grip: false,
			gripReason: ''
		},
		started
	);

	await seedDemoPathways(db, now);
}
