import {
	auditAreas,
	auditCount,
	draftAuditCount,
	frameworkVersion,
	grades,
	outcomeIds,
	standardRefs
} from './authority.js';
import { day, pad } from './random.js';

// Two years of case audits: grades with the cascade applied, finalising, escalation, responses,
// moderation, findings tagged with outcomes and standards, and actions. Development findings of
// finalised audits become learning needs (returned, for the pathways to meet).

const developmentTexts = [
	['The plan lists services rather than the change needed for the child.', ['3.3']],
	['The assessment gathers the history well, but the analysis is thin.', ['3.1', '3.2']],
	['The child’s wishes and feelings are not evidently acted on in the plan.', ['2.3']],
	['Case records are behind and do not show the purpose of visits.', ['4.5']],
	['Supervision shows little reflection on the child’s lived experience.', ['5.1']],
	['The wider family network has not yet been explored.', ['2.5', '4.3']],
	['Drift in the legal planning was not escalated.', ['5.2', '4.4']]
];
const strengthTexts = [
	['The child was seen alone at every visit.', ['2.3']],
	['Relationships with the parents are respectful and honest.', ['2.4']],
	['Multi-agency working is strong.', ['2.6']],
	['The assessment analysis is clear and evidence-based.', ['3.2']]
];
const gradeEvidence = 'Seen in the case record and discussed with the worker.';
const better = (grade) => grades[Math.max(0, grades.indexOf(grade) - 1)];
const worse = (grade) => grades[Math.min(grades.length - 1, grades.indexOf(grade) + 1)];
const isFailing = (grade) => grade === 'requires-improvement' || grade === 'inadequate';

/** Adds the audits; `g` is the generator (see generate.js). Returns the learning needs raised. */
export function generateAudits(g, people) {
	const needs = [];
	g.db.transaction(() => {
		for (let n = 0; n < auditCount; n++) addAudit(g, people, n < draftAuditCount, needs);
	})();
	return needs;
}

function addAudit(g, people, draft, needs) {
	const id = g.uuid();
	const p = g.pick(people.practitioners);
	const manager = p.team.manager;
	let auditor = g.pick(people.auditors);
	while (auditor === manager) auditor = g.pick(people.auditors);
	let coAuditor = g.chance(0.1) ? g.pick(people.auditors) : null;
	if (coAuditor === auditor || coAuditor === manager) coAuditor = null;
	const auditedMs = draft ? g.daysAgo(0, 45) : g.daysAgo(2, 730);
	const type = g.weighted([
		['journey-and-impact', 60],
		['themed', 15],
		['multi-agency', 15],
		['dip-sample', 10]
	]);
	const overall = g.weighted([
		['outstanding', 10],
		['good', 50],
		['requires-improvement', 32],
		['inadequate', 8]
	]);
	const graded = !draft || g.chance(0.5);
	const grip = graded && isFailing(overall) && g.chance(0.03);
	if (graded) addGrades(g, id, 'audit', areaGrades(g, overall, grip));
	const audit = {
		id,
		draft,
		p,
		manager,
		auditor,
		coAuditor,
		auditedMs,
		type,
		overall,
		graded,
		grip
	};
	Object.assign(audit, draft ? notFinalised : finalise(g, people, audit));
	insertAudit(g, audit);
	addFindings(g, audit, needs);
	addActions(g, audit);
}

/** Area grades whose worst is `overall`, with the cascade applied. */
function areaGrades(g, overall, grip) {
	const recorded = auditAreas.map((area) =>
		area.optional && g.chance(0.25) ? 'not-applicable' : g.chance(0.5) ? overall : better(overall)
	);
	if (!recorded.includes(overall)) recorded[g.int(0, standardRefs.length - 1)] = overall;
	return auditAreas.map((area, i) => ({
		id: area.id,
		grade: recorded[i],
		effective:
			isFailing(overall) && !grip && area.cascade && recorded[i] !== 'not-applicable'
				? overall
				: recorded[i]
	}));
}

function addGrades(g, auditId, stage, areas) {
	for (const area of areas)
		g.add.audit_grades(auditId, stage, area.id, area.grade, area.effective, gradeEvidence);
}

const notFinalised = {
	finalisedMs: null,
	escalation: null,
	responseMs: null,
	receiptMs: null,
	moderated: null,
	moderatedMs: null,
	moderator: null
};

/** Finalised a day or two later; escalated when failing, responded to, received, moderated. */
function finalise(g, people, { id, auditedMs, overall, grip }) {
	const finalisedMs = auditedMs + g.int(0, 2) * day;
	const escalation =
		overall === 'inadequate'
			? 'same-day'
			: overall === 'requires-improvement'
				? 'urgent-review'
				: null;
	const after = { ...notFinalised, finalisedMs, escalation };
	if (escalation && g.chance(0.85)) after.responseMs = finalisedMs + g.int(0, 5) * day;
	if (g.chance(0.85)) after.receiptMs = finalisedMs + g.int(1, 20) * day;
	if (g.chance(0.15)) {
		after.moderator = g.pick(g.chance(0.2) ? people.psws : people.auditors);
		after.moderated = g.chance(0.8) ? overall : g.chance(0.5) ? better(overall) : worse(overall);
		after.moderatedMs = finalisedMs + g.int(5, 30) * day;
		addGrades(g, id, 'moderation', areaGrades(g, after.moderated, grip));
	}
	return after;
}

function insertAudit(g, a) {
	const updatedMs = Math.max(
		a.auditedMs,
		a.finalisedMs ?? 0,
		a.responseMs ?? 0,
		a.receiptMs ?? 0,
		a.moderatedMs ?? 0
	);
	const [responded, received] = [a.responseMs !== null, a.receiptMs !== null];
	g.add.audits(
		a.id,
		a.type,
		a.type === 'themed'
			? g.pick(['Neglect', 'Domestic abuse', 'Exploitation', 'Disability'])
			: null,
		`C-${pad(g.int(0, 999999), 6)}`,
		a.p.id,
		a.p.team.id,
		a.manager,
		a.auditor,
		a.coAuditor,
		g.date(a.auditedMs - 183 * day),
		g.date(a.auditedMs),
		g.date(a.auditedMs),
		a.draft ? 'draft' : 'finalised',
		a.grip ? 1 : 0,
		a.grip ? 'The manager had evident grip of the key issues.' : '',
		g.chance(0.7) ? 'The child said their worker listens.' : '',
		g.chance(0.6) ? 'The parent said they know what needs to change.' : '',
		g.chance(0.2) ? 'The family declined to take part.' : '',
		'The worker reflected on the plan.',
		'The manager agreed the actions.',
		a.graded ? a.overall : null,
		a.escalation,
		responded ? 'The case was reviewed and the plan updated.' : null,
		responded ? a.manager : null,
		responded ? g.iso(a.responseMs) : null,
		received ? a.manager : null,
		received ? g.iso(a.receiptMs) : null,
		received ? 'Discuss in the next supervision.' : '',
		a.moderator,
		a.moderated,
		a.moderated ? 'Moderation agreed after discussion.' : '',
		a.moderated ? a.moderator : null,
		a.moderated ? g.iso(a.moderatedMs) : null,
		a.draft ? null : g.iso(a.finalisedMs),
		a.draft ? null : g.iso(a.finalisedMs),
		a.auditor,
		g.iso(a.auditedMs),
		g.iso(updatedMs)
	);
}

/** One to three findings, more often for development the worse the grade, each tagged. */
function addFindings(g, a, needs) {
	const developmentChance = {
		outstanding: 0.15,
		good: 0.35,
		'requires-improvement': 0.7,
		inadequate: 0.85
	}[a.overall];
	const findingCount = g.int(1, 3);
	for (let f = 0; f < findingCount; f++) {
		const findingId = g.uuid();
		const kind = g.chance(developmentChance) ? 'development' : 'strength';
		const [text, suggested] = g.pick(kind === 'development' ? developmentTexts : strengthTexts);
		g.add.audit_findings(findingId, a.id, kind, text, g.iso(a.auditedMs));
		const tags = addTags(g, findingId, suggested);
		if (kind === 'development' && !a.draft)
			needs.push({
				id: g.uuid(),
				practitioner: a.p,
				auditId: a.id,
				findingId,
				text,
				outcomes: tags.filter((t) => t.outcome).map((t) => t.ref),
				createdMs: a.finalisedMs,
				status: 'open',
				metBy: null,
				metMs: null
			});
	}
}

/** One or two tags: mostly outcomes (mostly those the text suggests), or local standards. */
function addTags(g, findingId, suggested) {
	const tags = new Map();
	const tagCount = g.int(1, 2);
	while (tags.size < tagCount) {
		const outcome = g.chance(0.65);
		const ref = outcome
			? g.chance(0.7)
				? g.pick(suggested)
				: g.pick(outcomeIds)
			: g.pick(standardRefs);
		tags.set(`${outcome ? 'outcome' : 'standard'} ${ref}`, { outcome, ref });
	}
	for (const { outcome, ref } of tags.values())
		g.add.audit_finding_tags(
			findingId,
			outcome ? 'outcome' : 'standard',
			ref,
			outcome ? frameworkVersion : null
		);
	return [...tags.values()];
}

/** One or two actions, due one to three months on; those due by now mostly done. */
function addActions(g, a) {
	const actionCount = g.int(1, 2);
	for (let n = 0; n < actionCount; n++) {
		const dueMs = a.auditedMs + g.int(28, 90) * day;
		const status = a.draft
			? 'open'
			: dueMs < g.now
				? g.weighted([
						['done', 25],
						['signed-off', 60],
						['open', 15]
					])
				: g.weighted([
						['open', 70],
						['done', 20],
						['signed-off', 10]
					]);
		const doneMs =
			status === 'open'
				? null
				: a.auditedMs +
					g.int(1, Math.max(1, Math.floor((Math.min(g.now, dueMs) - a.auditedMs) / day))) * day;
		const signedMs = status === 'signed-off' ? doneMs + g.int(0, 7) * day : null;
		g.add.audit_actions(
			g.uuid(),
			a.id,
			'Update the plan with the child’s views and review it with the family.',
			g.chance(0.7) ? a.p.id : a.manager,
			g.date(dueMs),
			status,
			doneMs === null ? null : g.iso(doneMs),
			signedMs === null ? null : a.manager,
			signedMs === null ? null : g.iso(signedMs),
			g.iso(a.auditedMs)
		);
	}
}
