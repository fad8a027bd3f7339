import { gradeNames, grades, type AreaGrade, type Grade } from '$lib/audit/grades';
import { auditDefinition } from '../audit';
import { addAction, markActionDone, signOffAction } from '../audit/actions';
import { createAudit } from '../audit/audits';
import type { AuditDefinition } from '../audit/definition';
import { finaliseAudit } from '../audit/finalise';
import { addFinding } from '../audit/findings';
import { assignModerator, recordReceipt, recordResponse } from '../audit/follow-up';
import { saveGrades } from '../audit/grading';
import { saveViews } from '../audit/views';
import type { Db } from '../db';
import { addMs, dateOnly, days } from '../db/time';
import { addMonths } from '../programme/month';
import { demoPeopleIn } from './authority';
import { demoFrameworkVersion } from './content';
import type { DemoAudits, DemoFinding } from './schema';
import { seedDemoPathways } from './seed-pathways';

// A year of fictional case audits across the demo authority's teams (content/demo/audits.yaml):
// who is audited, by whom and when, and what follows, is decided here; the words are content.

type Plan = DemoAudits['stories'][number] & { type?: string; theme?: string };

/** What every audit of the demo needs. */
interface Seed {
	db: Db;
	definition: AuditDefinition;
	texts: DemoAudits;
	person: Awaited<ReturnType<typeof demoPeopleIn>>;
	/** The next number of a deterministic sequence, so the demo is the same on every run. */
	next: () => number;
	pick: <T>(list: T[]) => T;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const at = (day: string) => new Date(`${day}T10:00:00Z`);

export async function seedDemoAudits(db: Db, texts: DemoAudits, now = new Date()) {
	const next = random(20261125);
	const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
	const seed: Seed = {
		db,
		definition: auditDefinition(),
		texts,
		person: await demoPeopleIn(db),
		next,
		pick
	};
	// The rotation first, then the stories the demo tells.
	const plans = [...rotation(seed), ...texts.stories];
	for (const [index, plan] of plans.entries()) await seedAudit(seed, plan, index + 1, now);
	await seedAuditInProgress(seed, now);
	await seedDemoPathways(db, texts.pathwayReflection, now);
}

/** Twelve months, three audits a month: one in each team, by an auditor from outside it. */
function rotation({ texts, pick }: Seed): Plan[] {
	const weighted = Object.entries(texts.gradeWeights).flatMap(([grade, times]) =>
		Array<Grade>(times).fill(grade as Grade)
	);
	const plans: Plan[] = [];
	for (let monthsAgo = 12; monthsAgo >= 1; monthsAgo--) {
		const themed = monthsAgo % 4 === 0;
		texts.rotation.forEach((team, t) => {
			plans.push({
				practitioner: team.practitioners[(12 - monthsAgo + t * 3) % team.practitioners.length],
				auditor: pick(team.auditors),
				monthsAgo,
				base: pick(weighted),
				type: themed ? 'themed' : monthsAgo % 5 === 0 ? 'multi-agency' : undefined,
				theme: themed ? texts.themes[monthsAgo / 4 - 1] : undefined
			});
		});
	}
	return plans;
}

/** One finalised audit: graded, with views, findings and actions; then its follow-up. */
async function seedAudit(seed: Seed, plan: Plan, n: number, now: Date) {
	const { db, definition, person } = seed;
	const whole = Math.floor(plan.monthsAgo);
	const extra = Math.round((plan.monthsAgo - whole) * 30);
	const auditedOn = dateOnly(
		addMs(at(addMonths(dateOnly(now), -whole)), -days(extra + 3 + (n % 5)))
	);
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
	const areaGrades = await grade(seed, plan, n, { id, auditorId, when });
	const failing =
		areaGrades.overall === 'requires-improvement' || areaGrades.overall === 'inadequate';
	await addViews(seed, id, auditorId, when);
	const developments = await addFindings(seed, plan, failing, { id, auditorId, when });
	const actions = await addActions(seed, developments.length > 0, who, { id, auditorId, when });
	const finalised = addMs(when, days(1));
	const escalation = await finaliseAudit(
		db,
		definition,
		auditorId,
		id,
		{ anonymityConfirmed: false, origin: 'http://localhost:3000' },
		finalised
	);
	// The most recent audit still waits for its urgent review.
	if (plan.monthsAgo < 1) return;
	await followUp(seed, n, plan.monthsAgo <= 4, { id, who, actions, escalation, finalised });
	if (n % 4 === 0) await moderate(seed, n, id, areaGrades.grades, finalised);
}

type Step = { id: string; auditorId: string; when: Date };
type AreaGrades = Record<string, { grade: AreaGrade; evidence: string }>;

/** Most areas get the base grade; in about one audit in five, one area falls a grade below. */
async function grade(
	{ db, definition, texts, next, pick }: Seed,
	plan: Plan,
	n: number,
	step: Step
) {
	const lower = !plan.force && next() < 0.2 ? pick(definition.areas).id : undefined;
	const areaGrades: AreaGrades = {};
	for (const area of definition.areas) {
		let grade: AreaGrade = plan.base;
		if (area.id === lower && plan.base !== 'inadequate')
			grade = grades[grades.indexOf(plan.base) + 1];
		if (plan.force?.[area.id]) grade = plan.force[area.id];
		if (area.optional && n % 3 === 0) grade = 'not-applicable';
		const evidence =
			grade === 'not-applicable' ? '' : texts.gradeEvidence.replace('{grade}', gradeNames[grade]);
		areaGrades[area.id] = { grade, evidence };
	}
	const form = {
		grades: areaGrades,
		grip: Boolean(plan.grip),
		gripReason: plan.grip ? texts.gripReason : ''
	};
	const derived = await saveGrades(
		db,
		definition,
		step.auditorId,
		step.id,
		'audit',
		form,
		step.when
	);
	return { grades: areaGrades, overall: derived.overall };
}

async function addViews({ db, texts, pick }: Seed, id: string, auditorId: string, when: Date) {
	const child = pick(texts.childViews);
	const parent = pick(texts.parentViews);
	const notObtained = texts.viewsNotObtained;
	const views = {
		child_view: child,
		parent_view: parent,
		views_not_obtained: child && parent ? '' : !child ? notObtained.child : notObtained.parent,
		worker_view: texts.workerView,
		manager_view: texts.managerView
	};
	await saveViews(db, auditorId, id, views, when);
}

/** The plan's findings, or one picked at random: a development where practice fell short. */
async function addFindings({ db, texts, next }: Seed, plan: Plan, failing: boolean, step: Step) {
	const byId = (list: DemoFinding[], ids: string[]) =>
		ids.map((id) => list.find((f) => f.id === id)!);
	const any = (list: DemoFinding[]) => [list[Math.floor(next() * list.length)]];
	const developments = plan.developments
		? byId(texts.developments, plan.developments)
		: failing
			? any(texts.developments)
			: [];
	const strengths = plan.strengths ? byId(texts.strengths, plan.strengths) : any(texts.strengths);
	const findings = [
		...developments.map((f) => ({ ...f, kind: 'development' as const })),
		...strengths.map((f) => ({ ...f, kind: 'strength' as const }))
	];
	for (const { text, outcomes, standards, kind } of findings) {
		const finding = { text, outcomes, standards, kind, frameworkVersion: demoFrameworkVersion };
		await addFinding(db, step.auditorId, step.id, finding, step.when);
	}
	return developments;
}

/** An action on the plan where there are developments, and one for supervision. */
async function addActions(
	{ db, texts }: Seed,
	developments: boolean,
	who: { id: string; manager_id: string | null },
	step: Step
) {
	const due = (n: number) => dateOnly(addMs(step.when, days(n)));
	const actions = [
		...(developments
			? [{ description: texts.actions.development, ownerId: who.id, dueOn: due(28) }]
			: []),
		{ description: texts.actions.supervision, ownerId: who.manager_id!, dueOn: due(14) }
	];
	const ids: string[] = [];
	for (const action of actions)
		ids.push(await addAction(db, step.auditorId, step.id, action, step.when));
	return ids;
}

/**
 * The escalation answered, the audit received by the manager, and its actions done and signed
 * off in time, except a few from the last four months.
 */
async function followUp(
	{ db, texts, person }: Seed,
	n: number,
	lastFourMonths: boolean,
	audit: {
		id: string;
		who: { id: string; manager_id: string | null };
		actions: string[];
		escalation: 'same-day' | 'urgent-review' | null;
		finalised: Date;
	}
) {
	const { id, who, actions, escalation, finalised } = audit;
	const manager = who.manager_id!;
	if (escalation) {
		const sameDay = escalation === 'same-day';
		const by = sameDay ? person('psw@demo.test').id : manager;
		const answered = addMs(finalised, (sameDay ? 3 : 40) * 3_600_000);
		await recordResponse(db, by, id, texts.responses[escalation], answered);
	}
	const received = addMs(finalised, days(2));
	await recordReceipt(db, manager, id, n % 2 ? texts.receipt : '', received);
	const overdue = lastFourMonths && n % 3 === 0;
	for (const actionId of overdue ? actions.slice(1) : actions) {
		await markActionDone(db, who.id, id, actionId, addMs(received, days(10)));
		await signOffAction(db, manager, id, actionId, addMs(received, days(12)));
	}
}

/** A sample each quarter, moderated by the principal social worker; one in two graded lower. */
async function moderate(
	seed: Seed,
	n: number,
	id: string,
	areaGrades: AreaGrades,
	finalised: Date
) {
	const { db, definition, texts } = seed;
	const psw = seed.person('psw@demo.test').id;
	const moderated = { ...areaGrades };
	const first = definition.areas[0].id;
	const lowered = n % 8 === 0;
	if (lowered && moderated[first].grade !== 'not-applicable') {
		const g = grades.indexOf(moderated[first].grade as Grade);
		moderated[first] = {
			grade: grades[g === 3 ? 2 : g + 1],
			evidence: `${moderated[first].evidence} ${texts.moderation.loweredEvidence}`
		};
	}
	const moderatedAt = addMs(finalised, days(9));
	await assignModerator(db, psw, id, psw, moderatedAt);
	const comments = lowered ? texts.moderation.lowered : texts.moderation.agreed;
	const form = { grades: moderated, grip: false, gripReason: '', comments };
	await saveGrades(db, definition, psw, id, 'moderation', form, moderatedAt);
}

/** An audit in progress: the first areas of the demo practitioner's work graded yesterday. */
async function seedAuditInProgress({ db, definition, texts, person }: Seed, now: Date) {
	const { practitioner, auditor, caseRef, areas, grade, evidence } = texts.inProgress;
	const priya = person(practitioner);
	const auditorId = person(auditor).id;
	const started = addMs(now, -days(1));
	const draft = await createAudit(
		db,
		auditorId,
		{
			type: 'journey-and-impact',
			theme: null,
			caseRef,
			practitionerId: priya.id,
			managerId: priya.manager_id,
			coAuditorId: null,
			periodStart: addMonths(dateOnly(now), -6),
			periodEnd: dateOnly(started),
			auditedOn: dateOnly(started)
		},
		started
	);
	const graded = definition.areas.slice(0, areas).map((area) => [area.id, { grade, evidence }]);
	const form = { grades: Object.fromEntries(graded), grip: false, gripReason: '' };
	await saveGrades(db, definition, auditorId, draft, 'audit', form, started);
}
