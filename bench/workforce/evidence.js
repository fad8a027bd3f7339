import {
	cpdTypes,
	evidenceCount,
	evidenceTypes,
	frameworkVersion,
	outcomeIds
} from './authority.js';
import { day } from './random.js';

// Each practitioner's evidence records (about 50 each, fewer for an ASYE who started recently),
// an ASYE's observations of practice, and the outcomes their supervisor has signed off.

/** Adds the records, observations and sign-offs; `g` is the generator (see generate.js). */
export function generateEvidence(g, people) {
	const counts = recordCounts(g, people.practitioners);
	g.db.transaction(() => {
		people.practitioners.forEach((p, index) => {
			addRecords(g, p, counts[index]);
			if (p.asye) addSignOffs(g, p);
		});
	})();
}

/** How many records each practitioner has: exactly `evidenceCount` in all, at least 3 each. */
function recordCounts(g, practitioners) {
	const weights = practitioners.map(
		(p) =>
			(0.5 + g.next()) * (p.asye ? 0.3 + (0.7 * Math.min(425, (g.now - p.startMs) / day)) / 425 : 1)
	);
	const totalWeight = weights.reduce((a, b) => a + b, 0);
	const counts = weights.map((w) => Math.max(3, Math.round((evidenceCount * w) / totalWeight)));
	counts[counts.length - 1] += evidenceCount - counts.reduce((a, b) => a + b, 0);
	return counts;
}

function addRecords(g, p, count) {
	const earliest = p.asye ? Math.floor((g.now - p.startMs) / day) : 730;
	// An ASYE's observations are accepted evidence records of their own.
	const observed = new Set(
		p.asye ? g.distinct([...Array(count).keys()], Math.min(3, g.int(1, 3))) : []
	);
	for (let k = 0; k < count; k++) addRecord(g, p, k, observed.has(k), earliest);
}

/** One record: its state, its CPD fields, its review; an observation's record is accepted. */
function addRecord(g, p, k, observation, earliest) {
	const id = g.uuid();
	const activityMs = g.daysAgo(0, earliest);
	const status = observation
		? 'accepted'
		: g.weighted([
				['accepted', 60],
				['submitted', 15],
				['returned', 5],
				['draft', 20]
			]);
	const [type, typeTitle] = observation ? ['observation', 'Observation'] : g.pick(evidenceTypes);
	const cpdType = g.chance(0.8) ? g.pick(cpdTypes) : null;
	const peer = g.weighted([
		[1, 30],
		[0, 40],
		[null, 30]
	]);
	const createdMs = Math.min(g.now, activityMs + g.int(0, 3) * day);
	const submittedMs = status === 'draft' ? null : Math.min(g.now, createdMs + g.int(0, 5) * day);
	const reviewed = status === 'accepted' || status === 'returned';
	const reviewedMs = reviewed ? Math.min(g.now, submittedMs + g.int(0, 10) * day) : null;
	g.add.evidence(
		id,
		p.id,
		observation ? 'Observation of practice: home visit' : `${typeTitle} ${k + 1}`,
		g.date(activityMs),
		type,
		'A short fictional account of practice, written for the benchmark.',
		'free',
		'{"text":"What I learned and what I will do differently."}',
		cpdType,
		cpdType ? 'Relevant to my current caseload.' : '',
		cpdType ? 'A new way to approach the work.' : '',
		cpdType ? 'Families get clearer plans.' : '',
		peer,
		peer === 1 ? 'Discussed with a colleague in the team.' : '',
		cpdType && g.chance(0.85) ? g.int(2, 32) * 15 : null,
		status,
		1,
		g.iso(createdMs),
		g.iso(reviewedMs ?? submittedMs ?? createdMs),
		submittedMs === null ? null : g.iso(submittedMs),
		submittedMs === null ? null : g.iso(submittedMs),
		reviewed ? p.supervisor : null,
		reviewed ? g.iso(reviewedMs) : null,
		status === 'returned' ? 'Please say more about the impact on the child.' : null
	);
	for (const outcome of g.distinct(outcomeIds, g.int(1, 3)))
		g.add.evidence_outcomes(
			id,
			frameworkVersion,
			outcome,
			p.id,
			status === 'accepted' ? g.date(activityMs) : null
		);
	if (status === 'accepted') p.accepted.push(id);
	if (observation) addObservation(g, p, id, activityMs, createdMs);
}

function addObservation(g, p, evidenceId, activityMs, createdMs) {
	g.add.observations(
		g.uuid(),
		p.id,
		p.supervisor,
		evidenceId,
		g.date(activityMs),
		'Home visit',
		1,
		'Clear explanation of the plan to the family.',
		'Summarise agreed actions at the end of the visit.',
		'I will check understanding before I leave.',
		g.iso(createdMs)
	);
}

/** Outcomes signed off in a chain, more the longer the ASYE has run. */
function addSignOffs(g, p) {
	const elapsed = Math.min(1, (g.now - p.startMs) / (365 * day));
	const signed = g.distinct(outcomeIds, Math.floor(g.next() * 13 * elapsed));
	let previous = '0'.repeat(64);
	signed.forEach((outcome, n) => {
		const current = g.hash64();
		const atMs = p.startMs + ((n + 1) / (signed.length + 1)) * (g.now - p.startMs);
		g.add.signoffs(
			g.uuid(),
			p.id,
			n + 1,
			frameworkVersion,
			outcome,
			'sign-off',
			'The accepted evidence shows this outcome is met.',
			'[]',
			p.supervisor,
			g.iso(atMs),
			previous,
			current
		);
		previous = current;
	});
}
