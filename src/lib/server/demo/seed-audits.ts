import { gradeNames, grades, type Grade } from '$lib/audit/grades';
import { auditDefinition } from '../audit';
import { addAction, markActionDone, signOffAction } from '../audit/actions';
import { createAudit } from '../audit/audits';
import { finaliseAudit } from '../audit/finalise';
import { addFinding } from '../audit/findings';
import { assignModerator, recordReceipt, recordResponse } from '../audit/follow-up';
import { saveGrades, type AreaGradeInput } from '../audit/grading';
import { saveViews } from '../audit/views';
import { addDays, addMs, dateOnly, days, hours } from '../db/time';
import { publicOrigin } from '../http/origin.js';
import { addMonths } from '../programme/month';
import type { Demo } from './authority';
import { random } from '$lib/random.js';
import { demoFrameworkVersion, type DemoAudits, type DemoFinding } from '../content/demo';

// A year of fictional case audits across the demo authority's teams (content/demo/audits.yaml):
// who is audited, by whom and when, and what follows, is decided here; the words are content.

type Plan = DemoAudits['stories'][number] & { type?: string; theme?: string };

/** What every audit needs: `next` is the next number of a fixed sequence, the same every run. */
function seedOf(demo: Demo) {
	const next = random(20261125);
	const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
	return { ...demo, definition: auditDefinition(), texts: demo.content.audits, next, pick };
}

type Seed = ReturnType<typeof seedOf>;

/** One audit being seeded: the `n`th, its plan, when the auditor worked on it and finalised it. */
type Audit = Awaited<ReturnType<typeof openAudit>> & { n: number; plan: Plan; finalised: Date };

type AreaGrades = Record<string, AreaGradeInput>;

/** A year of audits and their follow-up; returns the id of the one in progress. */
export async function seedDemoAudits(demo: Demo) {
	const seed = seedOf(demo);
	// The rotation first, then the stories the demo tells.
	for (const [index, plan] of [...rotation(seed), ...seed.texts.stories].entries()) {
		const n = index + 1;
		const whole = Math.floor(plan.monthsAgo);
		const extra = Math.round((plan.monthsAgo - whole) * 30);
		const auditedOn = addDays(addMonths(demo.today, -whole), -(extra + 3 + (n % 5)));
		const when = new Date(`${auditedOn}T10:00:00Z`);
		const caseRef = `C-${String(104000 + n * 37).padStart(6, '0')}`;
		const opened = await openAudit(seed, plan, caseRef, addMonths(auditedOn, -6), when);
		await seedAudit(seed, { ...opened, n, plan, finalised: addMs(when, days(1)) });
	}
	return seedAuditInProgress(seed);
}

/** Twelve months, three audits a month: one in each team, by an auditor from outside it. */
function rotation({ texts, pick }: Seed): Plan[] {
	const weighted = grades.flatMap((g) => Array<Grade>(texts.gradeWeights[g] ?? 0).fill(g));
	return Array.from({ length: 12 }, (_, i) => 12 - i).flatMap((monthsAgo) => {
		const themed = monthsAgo % 4 === 0;
		return texts.rotation.map((team, t) => ({
			practitioner: team.practitioners[(12 - monthsAgo + t * 3) % team.practitioners.length],
			auditor: pick(team.auditors),
			monthsAgo,
			base: pick(weighted),
			type: themed ? 'themed' : monthsAgo % 5 === 0 ? 'multi-agency' : undefined,
			theme: themed ? texts.themes[monthsAgo / 4 - 1] : undefined
		}));
	});
}

/** Creates a draft audit of a practitioner's work up to the day it is audited, `when`. */
async function openAudit(
	{ db, person }: Seed,
	plan: Pick<Plan, 'practitioner' | 'auditor' | 'coAuditor' | 'type' | 'theme'>,
	caseRef: string,
	periodStart: string,
	when: Date
) {
	const who = person(plan.practitioner);
	const auditorId = person(plan.auditor).id;
	const form = {
		type: plan.type ?? 'journey-and-impact',
		theme: plan.theme ?? null,
		caseRef,
		practitionerId: who.id,
		managerId: who.manager_id,
		coAuditorId: plan.coAuditor ? person(plan.coAuditor).id : null,
		periodStart,
		periodEnd: dateOnly(when),
		auditedOn: dateOnly(when)
	};
	return { id: await createAudit(db, auditorId, form, when), auditorId, who, when };
}

/** Graded, with views, findings and actions, finalised; then its follow-up. */
async function seedAudit(seed: Seed, audit: Audit) {
	const { db, definition, auditorId, id } = { ...seed, ...audit };
	const { grades: areaGrades, overall } = await grade(seed, audit);
	await addViews(seed, audit);
	const failing = overall === 'requires-improvement' || overall === 'inadequate';
	const actions = await addActions(seed, audit, await addFindings(seed, audit, failing));
	const options = { anonymityConfirmed: false, origin: publicOrigin() };
	const escalation = await finaliseAudit(db, definition, auditorId, id, options, audit.finalised);
	// The most recent audit still waits for its urgent review.
	if (audit.plan.monthsAgo < 1) return;
	await followUp(seed, audit, actions, escalation);
	if (audit.n % 4 === 0) await moderate(seed, audit, areaGrades);
}

/** Most areas get the base grade; in about one audit in five, one area falls a grade below. */
async function grade({ db, definition, texts, next, pick }: Seed, { plan, n, ...audit }: Audit) {
	// A plan's own grades stand alone; nothing falls below inadequate.
	const lower = !plan.force && next() < 0.2 ? pick(definition.areas).id : undefined;
	const below = grades[grades.indexOf(plan.base) + 1] ?? plan.base;
	const force = plan.force ?? (lower ? { [lower]: below } : {});
	const areaGrades: AreaGrades = {};
	for (const area of definition.areas) {
		const grade = area.optional && n % 3 === 0 ? 'not-applicable' : (force[area.id] ?? plan.base);
		const evidence =
			grade === 'not-applicable' ? '' : texts.gradeEvidence.replace('{grade}', gradeNames[grade]);
		areaGrades[area.id] = { grade, evidence };
	}
	const gripReason = plan.grip ? texts.gripReason : '';
	const form = { grades: areaGrades, grip: Boolean(plan.grip), gripReason };
	const { auditorId, id, when } = audit;
	const saved = await saveGrades(db, definition, auditorId, id, 'audit', form, when);
	return { grades: areaGrades, overall: saved.overall };
}

async function addViews({ db, texts, pick }: Seed, audit: Audit) {
	const [child, parent] = [pick(texts.childViews), pick(texts.parentViews)];
	const notObtained = child && parent ? '' : texts.viewsNotObtained[child ? 'parent' : 'child'];
	const views = { child_view: child, parent_view: parent, views_not_obtained: notObtained };
	const asked = { ...views, worker_view: texts.workerView, manager_view: texts.managerView };
	await saveViews(db, audit.auditorId, audit.id, asked, audit.when);
}

/** The plan's findings, or one picked in turn: a development where practice fell short. */
async function addFindings({ db, texts, pick }: Seed, { plan, ...audit }: Audit, failing: boolean) {
	const chosen = (list: DemoFinding[], ids: string[] | undefined, any: boolean) =>
		ids ? ids.map((id) => list.find((f) => f.id === id)!) : any ? [pick(list)] : [];
	const developments = chosen(texts.developments, plan.developments, failing);
	const strengths = chosen(texts.strengths, plan.strengths, true);
	const frameworkVersion = demoFrameworkVersion;
	const findings = [
		...developments.map((f) => ({ ...f, kind: 'development' as const, frameworkVersion })),
		...strengths.map((f) => ({ ...f, kind: 'strength' as const, frameworkVersion }))
	];
	for (const finding of findings)
		await addFinding(db, audit.auditorId, audit.id, finding, audit.when);
	return developments;
}

/** An action on the plan where there are developments, and one for supervision. */
async function addActions({ db, texts }: Seed, audit: Audit, developments: DemoFinding[]) {
	const { development, supervision } = texts.actions;
	const actions = [
		{ ...development, ownerId: audit.who.id },
		{ ...supervision, ownerId: audit.who.manager_id! }
	].slice(developments.length ? 0 : 1);
	const ids: string[] = [];
	for (const { text: description, dueInDays, ownerId } of actions) {
		const action = { description, ownerId, dueOn: addDays(dateOnly(audit.when), dueInDays) };
		ids.push(await addAction(db, audit.auditorId, audit.id, action, audit.when));
	}
	return ids;
}

/**
 * The escalation answered (the same day by the principal social worker, or within two days by
 * the manager), the audit received by the manager, and its actions done and signed off in time,
 * except a few from the last four months.
 */
async function followUp(
	{ db, texts, psw }: Seed,
	{ id, who, n, plan, finalised }: Audit,
	actions: string[],
	escalation: 'same-day' | 'urgent-review' | null
) {
	const { answeredInHours, receivedInDays, doneInDays, signedOffInDays } = texts.followUp;
	const manager = who.manager_id!;
	if (escalation) {
		const answered = addMs(finalised, hours(answeredInHours[escalation]));
		const by = escalation === 'same-day' ? psw : manager;
		await recordResponse(db, by, id, texts.responses[escalation], answered);
	}
	const received = addMs(finalised, days(receivedInDays));
	await recordReceipt(db, manager, id, n % 2 ? texts.receipt : '', received);
	const overdue = plan.monthsAgo <= 4 && n % 3 === 0;
	for (const actionId of overdue ? actions.slice(1) : actions) {
		await markActionDone(db, who.id, id, actionId, addMs(received, days(doneInDays)));
		await signOffAction(db, manager, id, actionId, addMs(received, days(signedOffInDays)));
	}
}

/**
 * A sample each quarter, moderated by the principal social worker; one in two graded otherwise:
 * the first area a grade lower (an inadequate one, having none lower, requires improvement).
 */
async function moderate(seed: Seed, { id, n, finalised }: Audit, areaGrades: AreaGrades) {
	const { db, definition, texts, psw } = seed;
	const moderated = { ...areaGrades };
	const first = definition.areas[0].id;
	const { grade, evidence } = moderated[first];
	const lowered = n % 8 === 0;
	if (lowered && grade !== 'not-applicable') {
		const lower = grades[grades.indexOf(grade) + 1] ?? 'requires-improvement';
		const because = texts.moderation.loweredEvidence;
		moderated[first] = { grade: lower, evidence: `${evidence} ${because}` };
	}
	const moderatedAt = addMs(finalised, days(texts.followUp.moderatedInDays));
	await assignModerator(db, psw, id, psw, moderatedAt);
	const comments = lowered ? texts.moderation.lowered : texts.moderation.agreed;
	const form = { grades: moderated, grip: false, gripReason: '', comments };
	await saveGrades(db, definition, psw, id, 'moderation', form, moderatedAt);
}

/** An audit in progress: the first areas of the demo practitioner's work graded yesterday. */
async function seedAuditInProgress(seed: Seed) {
	const { caseRef, areas, grade, evidence, ...plan } = seed.texts.inProgress;
	const started = addMs(seed.now, -days(1));
	const audit = await openAudit(seed, plan, caseRef, addMonths(seed.today, -6), started);
	const graded = seed.definition.areas.slice(0, areas).map((a) => [a.id, { grade, evidence }]);
	const form = { grades: Object.fromEntries(graded), grip: false, gripReason: '' };
	await saveGrades(seed.db, seed.definition, audit.auditorId, audit.id, 'audit', form, started);
	return audit.id;
}
