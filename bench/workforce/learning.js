import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frameworkVersion, personAssignmentCount } from './authority.js';
import { day } from './random.js';

// Learning: the audits' learning needs, and the pathways (from content/pathways) assigned to meet
// them, to people directly, to teams and to the whole service, with each practitioner's progress.

const pathwaysDir = 'content/pathways';

/** Adds the needs, assignments and progress; `g` is the generator (see generate.js). */
export function generateLearning(g, people, needs) {
	const plan = { pathways: readPathways(), assignments: [], progressRows: [], assigned: new Set() };
	// Two thirds for needs the audits raised (a pathway that covers the need where there is
	// one), the rest chosen by supervisors for people directly.
	const needOrder = needs.map((need) => ({ need, key: g.next() })).sort((a, b) => a.key - b.key);
	for (const { need } of needOrder) {
		if (plan.assignments.length >= (personAssignmentCount * 2) / 3) break;
		const matching = plan.pathways.filter((pw) =>
			pw.outcomes.some((o) => need.outcomes.includes(o))
		);
		assignPerson(
			g,
			people,
			plan,
			need.practitioner,
			g.pick(matching.length ? matching : plan.pathways),
			need,
			need.createdMs + g.int(0, 14) * day
		);
	}
	while (plan.assignments.length < personAssignmentCount)
		assignPerson(
			g,
			people,
			plan,
			g.pick(people.practitioners),
			g.pick(plan.pathways),
			null,
			g.daysAgo(0, 600)
		);
	assignTeamsAndService(g, people, plan);
	writeLearning(g, needs, plan);
}

/** Each pathway's id, the outcomes it covers and its number of steps. */
function readPathways() {
	const pathways = readdirSync(pathwaysDir)
		.filter((file) => file.endsWith('.md'))
		.map((file) => {
			const text = readFileSync(join(pathwaysDir, file), 'utf8');
			const outcomes = text.match(/^outcomes:\s*\[(.*)\]/m)?.[1] ?? '';
			return {
				id: text.match(/^id:\s*(.+)$/m)[1].trim(),
				outcomes: [...outcomes.matchAll(/"([^"]+)"/g)].map((m) => m[1]),
				steps: [...text.matchAll(/^## \d+\. /gm)].length || 4
			};
		})
		.sort((a, b) => a.id.localeCompare(b.id));
	if (!pathways.length) throw new Error(`no pathways in ${pathwaysDir}`);
	return pathways;
}

/** A pathway for one person (once each), often started, more often finished when older. */
function assignPerson(g, people, plan, p, pathway, need, assignedMs) {
	const key = `${p.id} ${pathway.id}`;
	if (plan.assigned.has(key)) return;
	plan.assigned.add(key);
	const a = {
		id: g.uuid(),
		pathway,
		scope: 'person',
		practitionerId: p.id,
		teamId: null,
		need,
		dueMs: g.chance(0.8) ? assignedMs + g.int(60, 120) * day : null,
		by: g.chance(0.7) ? p.team.manager : people.psws[0],
		assignedMs
	};
	plan.assignments.push(a);
	if (g.chance(0.7)) work(g, plan, a, p, Math.floor((g.now - assignedMs) / day) > 30 ? 0.5 : 0.15);
}

/** Five teams' pathways, and one for the whole service, each taken up by some of its people. */
function assignTeamsAndService(g, people, plan) {
	for (const team of people.teams.slice(0, 5)) {
		const a = {
			id: g.uuid(),
			pathway: g.pick(plan.pathways),
			scope: 'team',
			practitionerId: null,
			teamId: team.id,
			need: null,
			dueMs: g.daysAgo(-60, 30),
			by: team.manager,
			assignedMs: g.daysAgo(60, 200)
		};
		plan.assignments.push(a);
		for (const p of team.members) if (g.chance(0.5)) work(g, plan, a, p, 0.4);
	}
	const service = {
		id: g.uuid(),
		pathway: plan.pathways.find((pw) => pw.id === 'using-supervision-well') ?? plan.pathways[0],
		scope: 'service',
		practitionerId: null,
		teamId: null,
		need: null,
		dueMs: null,
		by: people.psws[0],
		assignedMs: g.daysAgo(90, 120)
	};
	plan.assignments.push(service);
	for (const p of people.practitioners) if (g.chance(0.1)) work(g, plan, service, p, 0.3);
}

/** Some or all of the pathway's steps done; completed ones cite one of their own records. */
function work(g, plan, a, p, completeChance) {
	const startedMs = Math.min(g.now, a.assignedMs + g.int(0, 14) * day);
	const complete = g.chance(completeChance) && p.accepted.length > 0;
	const steps = complete ? a.pathway.steps : g.int(0, a.pathway.steps - 1);
	const completedMs = complete ? Math.min(g.now, startedMs + g.int(7, 60) * day) : null;
	const row = {
		id: g.uuid(),
		assignmentId: a.id,
		practitionerId: p.id,
		steps: JSON.stringify(Array.from({ length: steps }, (_, i) => i + 1)),
		startedMs,
		updatedMs: completedMs ?? Math.min(g.now, startedMs + g.int(0, 30) * day),
		completedMs,
		evidenceId: complete ? g.pick(p.accepted) : null
	};
	plan.progressRows.push(row);
	if (complete && a.need) {
		a.need.status = 'met';
		a.need.metBy = row.id;
		a.need.metMs = completedMs;
	}
}

function writeLearning(g, needs, plan) {
	const { iso, date } = g;
	g.db.transaction(() => {
		for (const need of needs) {
			g.add.learning_needs(
				need.id,
				need.practitioner.id,
				need.auditId,
				need.findingId,
				need.text,
				need.status,
				need.metBy,
				need.metMs === null ? null : iso(need.metMs),
				iso(need.createdMs)
			);
			for (const outcome of need.outcomes)
				g.add.learning_need_outcomes(need.id, frameworkVersion, outcome);
		}
		for (const a of plan.assignments)
			g.add.pathway_assignments(
				a.id,
				a.pathway.id,
				a.scope,
				a.practitionerId,
				a.teamId,
				a.need?.id ?? null,
				a.dueMs === null ? null : date(a.dueMs),
				a.by,
				iso(a.assignedMs)
			);
		for (const r of plan.progressRows)
			g.add.pathway_progress(
				r.id,
				r.assignmentId,
				r.practitionerId,
				r.steps,
				r.completedMs === null ? '' : 'What I will do differently with the next family.',
				iso(r.startedMs),
				iso(r.updatedMs),
				r.completedMs === null ? null : iso(r.completedMs),
				r.evidenceId
			);
	})();
}
