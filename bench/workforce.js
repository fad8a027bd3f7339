// Times the principal social worker's workforce pages on a large authority: 5,000
// practitioners, 250,000 evidence records and 20,000 case audits, generated into a SQLite
// database of its own (fictional, deterministic data; dates relative to today).
// Usage: npm run build && npm run bench:workforce
//   BENCH_DB=data/bench-workforce.db  the database file (made afresh unless BENCH_REUSE=1)
//   BENCH_REUSE=1                     keep an existing database instead of generating it again
//   BENCH_REQUESTS=30                 timed requests per page, after 3 to warm up
//   BENCH_PORT=4320                   the port the production server listens on
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { hash } from '@node-rs/argon2';
import SQLite from 'better-sqlite3';

/** The pages to time; `{team}` becomes the first team's id, `{person}` a busy practitioner's. */
const pages = [
	'/workforce',
	'/workforce?team={team}',
	'/workforce/progress',
	'/workforce/audits',
	'/workforce/learning',
	'/workforce/cpd',
	'/workforce/report',
	'/workforce/people/{person}',
	'/api/v1/workforce/coverage',
	'/api/v1/workforce/audits',
	'/api/v1/workforce/learning',
	'/',
	'/audits?attention=yes'
];

const dbPath = process.env.BENCH_DB || 'data/bench-workforce.db';
const reuse = process.env.BENCH_REUSE === '1';
const requests = Number(process.env.BENCH_REQUESTS ?? 30);
const warmUp = 3;
const port = Number(process.env.BENCH_PORT ?? 4320);
const base = `http://127.0.0.1:${port}`;
const adminEmail = 'admin@bench.test';
const pswEmail = 'psw@bench.test';
const pswPassword = 'bench-password-123';

// The volumes generated.
const teamCount = 40;
const supervisorsPerTeam = 10;
const extraAuditorCount = 60;
const practitionerCount = 5000;
const asyeEvery = 5; // every fifth practitioner is in their ASYE: 1,000
const evidenceCount = 250_000;
const auditCount = 20_000;
const draftAuditCount = 300;
const personAssignmentCount = 3000;

const frameworkVersion = 'pqs-2025';
const outcomeIds = [
	...['1.1', '1.2', '1.3', '1.4'],
	...['2.1', '2.2', '2.3', '2.4', '2.5', '2.6'],
	...['3.1', '3.2', '3.3'],
	...['4.1', '4.2', '4.3', '4.4', '4.5'],
	...['5.1', '5.2', '5.3', '5.4'],
	...['6.1', '6.2', '6.3', '6.4']
];
const standardRefs = [1, 2, 3, 4, 5, 6, 7].map((n) => `gloucestershire-${n}`);
const auditAreas = [
	...standardRefs.map((id) => ({ id, cascade: false })),
	{ id: 'management-oversight', cascade: true },
	{ id: 'cp-iro', cascade: true, optional: true }
];
const grades = ['outstanding', 'good', 'requires-improvement', 'inadequate'];
const cpdTypes = [
	'formal-learning',
	'practice-learning',
	'reading-research',
	'supervision-peer',
	'feedback',
	'other'
];
const evidenceTypes = [
	['reflective-account', 'Reflective account'],
	['case-work', 'Case work example'],
	['supervision', 'Supervision discussion'],
	['learning-activity', 'Learning activity'],
	['reading', 'Reading and research'],
	['feedback-child-family', 'Feedback from a family'],
	['feedback-colleague', 'Feedback from a colleague'],
	['audit-learning', 'Learning from audit']
];

// ---------------------------------------------------------------------------------------------
// The server

function startServer(extraEnv = {}) {
	const env = {
		...process.env,
		DATABASE_URL: `file:${dbPath}`,
		// Its own file store: a store belongs to one database (the server checks at start).
		FILES_DIR: `${dbPath}-files`,
		DEMO_DATA: 'off',
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: base,
		...extraEnv
	};
	delete env.SMTP_URL; // the review reminders sent at start-up stay in the outbox
	const child = spawn(process.execPath, ['build/index.js'], {
		env,
		stdio: ['ignore', 'ignore', 'pipe']
	});
	// The server's errors, each once (a failing page fails on every request), less its note of
	// every page not found (the pages not built yet).
	const seen = new Set();
	let showing = true;
	createInterface({ input: child.stderr }).on('line', (line) => {
		if (!line.trim() || /\[404\] GET /.test(line)) return;
		if (!/^\s+at /.test(line)) {
			showing = !seen.has(line);
			seen.add(line);
		}
		if (showing) console.error(line);
	});
	const server = { child, running: true };
	server.exited = new Promise((resolve) =>
		child.once('exit', (code) => {
			server.running = false;
			resolve(code);
		})
	);
	return server;
}

async function stopServer(server) {
	if (!server) return;
	if (server.running) server.child.kill();
	await server.exited;
}

/** Waits until GET / answers at all (start-up migrates and sends review reminders first). */
async function waitForServer(server) {
	for (let attempt = 0; attempt < 1200; attempt++) {
		if (!server.running) throw new Error('the server stopped while starting (see above)');
		try {
			await (await fetch(`${base}/`, { redirect: 'manual' })).arrayBuffer();
			return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`the server did not start on ${base}; run "npm run build" first`);
}

// ---------------------------------------------------------------------------------------------
// Generation

/** A small deterministic generator (mulberry32), so every run makes the same authority. */
function random(seed) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function generate() {
	const started = performance.now();
	const next = random(20261125);
	const int = (min, max) => min + Math.floor(next() * (max - min + 1));
	const chance = (p) => next() < p;
	const pick = (list) => list[Math.floor(next() * list.length)];
	/** Picks by weight: `[[value, weight], …]`. */
	const weighted = (entries) => {
		const total = entries.reduce((sum, [, w]) => sum + w, 0);
		let r = next() * total;
		for (const [value, w] of entries) if ((r -= w) < 0) return value;
		return entries.at(-1)[0];
	};
	const distinct = (list, count) => {
		const chosen = new Set();
		while (chosen.size < Math.min(count, list.length)) chosen.add(pick(list));
		return [...chosen];
	};
	const hex32 = () =>
		Math.floor(next() * 4294967296)
			.toString(16)
			.padStart(8, '0');
	const uuid = () => {
		const h = hex32() + hex32() + hex32() + hex32();
		return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20)}`;
	};
	const hash64 = () =>
		hex32() + hex32() + hex32() + hex32() + hex32() + hex32() + hex32() + hex32();

	const day = 86_400_000;
	const now = Date.now();
	const iso = (ms) => new Date(Math.min(ms, now)).toISOString();
	const date = (ms) => iso(ms).slice(0, 10);
	/** A time on one of the last `from`…`to` days, in working hours. */
	const daysAgo = (from, to) => {
		const midnight = Math.floor((now - int(from, to) * day) / day) * day;
		return midnight + int(8 * 60, 17 * 60) * 60_000;
	};
	const pad = (n, width) => String(n).padStart(width, '0');

	const db = new SQLite(dbPath);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = OFF');
	db.pragma('foreign_keys = OFF');
	db.pragma('cache_size = -262144');
	db.pragma('temp_store = MEMORY');
	const insert = (table, columns) => {
		const statement = db.prepare(
			`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`
		);
		return (...values) => statement.run(...values);
	};

	const addUser = insert('users', [
		'id',
		'email',
		'name',
		'password_hash',
		'career_stage',
		'swe_number',
		'team_id',
		'active',
		'created_at',
		'deactivated_at'
	]);
	const addRole = insert('user_roles', ['user_id', 'role']);
	const addTeam = insert('teams', ['id', 'name', 'manager_id', 'created_at']);
	const addSupervision = insert('supervisions', [
		'id',
		'supervisor_id',
		'supervisee_id',
		'starts_on',
		'ends_on',
		'created_by',
		'created_at'
	]);
	const addEnrolment = insert('enrolments', [
		'id',
		'user_id',
		'programme',
		'starts_on',
		'created_at',
		'fte_percent'
	]);
	const addReview = insert('programme_reviews', [
		'id',
		'enrolment_id',
		'review_id',
		'progress',
		'strengths',
		'areas_to_develop',
		'practitioner_comments',
		'recommendation',
		'completed_by',
		'completed_at',
		'countersigned_by',
		'countersigned_at',
		'panel_decision',
		'panel_reasons',
		'panel_by',
		'panel_at'
	]);
	const addEvidence = insert('evidence', [
		'id',
		'owner_id',
		'title',
		'activity_date',
		'type',
		'account',
		'reflection_model',
		'reflection',
		'cpd_type',
		'cpd_relevance',
		'cpd_learning',
		'cpd_impact',
		'peer_reflected',
		'peer_reflection',
		'cpd_minutes',
		'status',
		'version',
		'created_at',
		'updated_at',
		'submitted_at',
		'anonymity_confirmed_at',
		'reviewed_by',
		'reviewed_at',
		'review_feedback'
	]);
	const addEvidenceOutcome = insert('evidence_outcomes', [
		'evidence_id',
		'framework_version',
		'outcome_id'
	]);
	const addObservation = insert('observations', [
		'id',
		'practitioner_id',
		'observer_id',
		'evidence_id',
		'observed_on',
		'setting',
		'consent_confirmed',
		'went_well',
		'to_develop',
		'practitioner_reflection',
		'created_at'
	]);
	const addSignoff = insert('signoffs', [
		'id',
		'practitioner_id',
		'sequence',
		'framework_version',
		'outcome_id',
		'action',
		'rationale',
		'evidence_ids',
		'actor_id',
		'created_at',
		'previous_hash',
		'hash'
	]);
	const addAudit = insert('audits', [
		'id',
		'type',
		'theme',
		'case_ref',
		'practitioner_id',
		'team_id',
		'manager_id',
		'auditor_id',
		'co_auditor_id',
		'period_start',
		'period_end',
		'audited_on',
		'status',
		'grip',
		'grip_reason',
		'child_view',
		'parent_view',
		'views_not_obtained',
		'worker_view',
		'manager_view',
		'overall_grade',
		'escalation',
		'response',
		'response_by',
		'response_at',
		'receipt_by',
		'receipt_at',
		'management_directions',
		'moderator_id',
		'moderated_overall_grade',
		'moderation_comments',
		'moderated_by',
		'moderated_at',
		'anonymity_confirmed_at',
		'finalised_at',
		'created_by',
		'created_at',
		'updated_at'
	]);
	const addGrade = insert('audit_grades', [
		'audit_id',
		'stage',
		'area_id',
		'grade',
		'effective_grade',
		'evidence'
	]);
	const addFinding = insert('audit_findings', ['id', 'audit_id', 'kind', 'text', 'created_at']);
	const addTag = insert('audit_finding_tags', ['finding_id', 'kind', 'ref', 'framework_version']);
	const addAction = insert('audit_actions', [
		'id',
		'audit_id',
		'description',
		'owner_id',
		'due_on',
		'status',
		'done_at',
		'signed_off_by',
		'signed_off_at',
		'created_at'
	]);
	const addNeed = insert('learning_needs', [
		'id',
		'practitioner_id',
		'audit_id',
		'finding_id',
		'description',
		'status',
		'met_by',
		'met_at',
		'created_at'
	]);
	const addNeedOutcome = insert('learning_need_outcomes', [
		'need_id',
		'framework_version',
		'outcome_id'
	]);
	const addAssignment = insert('pathway_assignments', [
		'id',
		'pathway_id',
		'scope',
		'practitioner_id',
		'team_id',
		'need_id',
		'due_on',
		'assigned_by',
		'assigned_at'
	]);
	const addProgress = insert('pathway_progress', [
		'id',
		'assignment_id',
		'practitioner_id',
		'steps_done',
		'reflection',
		'started_at',
		'updated_at',
		'completed_at',
		'evidence_id'
	]);

	// --- People, teams, supervision and the ASYE programme ---------------------------------
	const admin = db.prepare('select id from users where email = ?').get(adminEmail);
	if (!admin) throw new Error(`the new database has no ${adminEmail}: did start-up change?`);
	const teams = [];
	const supervisors = [];
	const auditors = [];
	const practitioners = [];
	const psws = [];
	let swe = 100000;

	const person = (email, name, roles, stage, teamId, createdMs = daysAgo(1000, 2500)) => {
		const id = uuid();
		addUser(
			id,
			email,
			name,
			null,
			stage,
			stage ? `SW${swe++}` : null,
			teamId,
			1,
			iso(createdMs),
			null
		);
		for (const role of roles) addRole(id, role);
		return id;
	};

	db.transaction(() => {
		for (let n = 1; n <= 2; n++) {
			const email = n === 1 ? pswEmail : `psw${n}@bench.test`;
			psws.push(
				person(email, `Principal Social Worker ${n}`, ['psw'], 'advanced-practitioner', null)
			);
		}
		for (let t = 0; t < teamCount; t++) {
			const team = { id: uuid(), name: `Team ${pad(t + 1, 2)}`, supervisors: [], members: [] };
			for (let s = 0; s < supervisorsPerTeam; s++) {
				const number = t * supervisorsPerTeam + s + 1;
				const manager = s === 0;
				const id = person(
					manager ? `manager${pad(t + 1, 2)}@bench.test` : `supervisor${pad(number, 3)}@bench.test`,
					manager ? `Team Manager ${pad(t + 1, 2)}` : `Supervisor ${pad(number, 3)}`,
					manager ? ['supervisor', 'auditor'] : ['supervisor'],
					manager || s > 6 ? 'advanced-practitioner' : 'senior-social-worker',
					team.id
				);
				team.supervisors.push(id);
				supervisors.push(id);
				if (manager) {
					team.manager = id;
					auditors.push(id);
				}
			}
			addTeam(team.id, team.name, team.manager, iso(daysAgo(1000, 2000)));
			teams.push(team);
		}
		for (let n = 1; n <= extraAuditorCount; n++)
			auditors.push(
				person(
					`auditor${pad(n, 2)}@bench.test`,
					`Auditor ${pad(n, 2)}`,
					['auditor'],
					'advanced-practitioner',
					null
				)
			);

		for (let i = 0; i < practitionerCount; i++) {
			const team = teams[i % teamCount];
			const asye = i % asyeEvery === 0;
			const stage = asye
				? 'asye'
				: weighted([
						['social-worker', 55],
						['senior-social-worker', 32],
						['advanced-practitioner', 13]
					]);
			const startMs = asye ? daysAgo(0, 425) : null;
			const id = person(
				`practitioner${pad(i + 1, 4)}@bench.test`,
				`Practitioner ${pad(i + 1, 4)}`,
				['practitioner'],
				stage,
				team.id,
				asye ? startMs - 21 * day : undefined
			);
			const p = {
				id,
				team,
				supervisor: team.supervisors[Math.floor(i / teamCount) % supervisorsPerTeam],
				asye,
				startMs,
				accepted: []
			};
			if (asye) {
				p.fte = weighted([
					[100, 85],
					[80, 10],
					[60, 5]
				]);
				p.enrolmentId = uuid();
				addEnrolment(p.enrolmentId, id, 'asye', date(p.startMs), iso(p.startMs - 7 * day), p.fte);
			}
			const supervisionStart = asye ? p.startMs : daysAgo(30, 900);
			addSupervision(
				uuid(),
				p.supervisor,
				id,
				date(supervisionStart),
				null,
				psws[0],
				iso(supervisionStart)
			);
			team.members.push(p);
			practitioners.push(p);
		}

		// Reviews at 3, 6, (9) and 12 months, stretched for part-time workers.
		const reviewPoints = [
			['month-3', 3],
			['month-6', 6],
			['month-9', 9],
			['final', 12]
		];
		const progress = JSON.stringify(
			Object.fromEntries(
				[1, 2, 3, 4, 5, 6].map((d) => [String(d), 'Making steady progress in this domain.'])
			)
		);
		for (const p of practitioners.filter((q) => q.asye)) {
			for (const [reviewId, months] of reviewPoints) {
				const dueMs = p.startMs + ((months * 30.44 * day) / p.fte) * 100;
				if (dueMs + 14 * day > now) continue;
				if (reviewId === 'month-9' ? !chance(0.3) : !chance(0.9)) continue;
				const completedMs = dueMs + int(-7, 14) * day;
				const final = reviewId === 'final';
				const countersigned = final && chance(0.8);
				const panel = countersigned && chance(0.6);
				addReview(
					uuid(),
					p.enrolmentId,
					reviewId,
					progress,
					'Builds trusting relationships with children and families.',
					'Analysis in written assessments.',
					final ? 'I have learned a great deal this year.' : '',
					final
						? weighted([
								['pass', 90],
								['extend', 8],
								['fail', 2]
							])
						: chance(0.9)
							? 'on-track'
							: 'not-on-track',
					p.supervisor,
					iso(completedMs),
					countersigned ? psws[0] : null,
					countersigned ? iso(completedMs + 3 * day) : null,
					panel ? 'agree' : null,
					panel ? 'The evidence supports the recommendation.' : null,
					panel ? psws[1] : null,
					panel ? iso(completedMs + 10 * day) : null
				);
			}
		}
	})();

	// --- Evidence, observations and sign-offs ----------------------------------------------
	// About 50 records each, fewer for an ASYE who started recently; exactly `evidenceCount`.
	const weights = practitioners.map(
		(p) =>
			(0.5 + next()) * (p.asye ? 0.3 + (0.7 * Math.min(425, (now - p.startMs) / day)) / 425 : 1)
	);
	const totalWeight = weights.reduce((a, b) => a + b, 0);
	const counts = weights.map((w) => Math.max(3, Math.round((evidenceCount * w) / totalWeight)));
	counts[counts.length - 1] += evidenceCount - counts.reduce((a, b) => a + b, 0);

	db.transaction(() => {
		practitioners.forEach((p, index) => {
			const count = counts[index];
			const earliest = p.asye ? Math.floor((now - p.startMs) / day) : 730;
			// An ASYE's observations are accepted evidence records of their own.
			const observed = new Set(
				p.asye ? distinct([...Array(count).keys()], Math.min(3, int(1, 3))) : []
			);
			for (let k = 0; k < count; k++) {
				const id = uuid();
				const activityMs = daysAgo(0, earliest);
				const observation = observed.has(k);
				const status = observation
					? 'accepted'
					: weighted([
							['accepted', 60],
							['submitted', 15],
							['returned', 5],
							['draft', 20]
						]);
				const [type, typeTitle] = observation
					? ['observation', 'Observation']
					: pick(evidenceTypes);
				const cpdType = chance(0.8) ? pick(cpdTypes) : null;
				const peer = weighted([
					[1, 30],
					[0, 40],
					[null, 30]
				]);
				const createdMs = Math.min(now, activityMs + int(0, 3) * day);
				const submittedMs = status === 'draft' ? null : Math.min(now, createdMs + int(0, 5) * day);
				const reviewed = status === 'accepted' || status === 'returned';
				const reviewedMs = reviewed ? Math.min(now, submittedMs + int(0, 10) * day) : null;
				addEvidence(
					id,
					p.id,
					observation ? 'Observation of practice: home visit' : `${typeTitle} ${k + 1}`,
					date(activityMs),
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
					cpdType && chance(0.85) ? int(2, 32) * 15 : null,
					status,
					1,
					iso(createdMs),
					iso(reviewedMs ?? submittedMs ?? createdMs),
					submittedMs === null ? null : iso(submittedMs),
					submittedMs === null ? null : iso(submittedMs),
					reviewed ? p.supervisor : null,
					reviewed ? iso(reviewedMs) : null,
					status === 'returned' ? 'Please say more about the impact on the child.' : null
				);
				for (const outcome of distinct(outcomeIds, int(1, 3)))
					addEvidenceOutcome(id, frameworkVersion, outcome);
				if (status === 'accepted') p.accepted.push(id);
				if (observation)
					addObservation(
						uuid(),
						p.id,
						p.supervisor,
						id,
						date(activityMs),
						'Home visit',
						1,
						'Clear explanation of the plan to the family.',
						'Summarise agreed actions at the end of the visit.',
						'I will check understanding before I leave.',
						iso(createdMs)
					);
			}
			if (p.asye) {
				const elapsed = Math.min(1, (now - p.startMs) / (365 * day));
				const signed = distinct(outcomeIds, Math.floor(next() * 13 * elapsed));
				let previous = '0'.repeat(64);
				signed.forEach((outcome, n) => {
					const current = hash64();
					const atMs = p.startMs + ((n + 1) / (signed.length + 1)) * (now - p.startMs);
					addSignoff(
						uuid(),
						p.id,
						n + 1,
						frameworkVersion,
						outcome,
						'sign-off',
						'The accepted evidence shows this outcome is met.',
						'[]',
						p.supervisor,
						iso(atMs),
						previous,
						current
					);
					previous = current;
				});
			}
		});
	})();

	// --- Case audits ----------------------------------------------------------------------
	const needs = [];
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
	const better = (grade) => grades[Math.max(0, grades.indexOf(grade) - 1)];
	const worse = (grade) => grades[Math.min(grades.length - 1, grades.indexOf(grade) + 1)];
	/** Area grades whose worst is `overall`, with the cascade applied. */
	const areaGrades = (overall, grip) => {
		const recorded = auditAreas.map((area) =>
			area.optional && chance(0.25) ? 'not-applicable' : chance(0.5) ? overall : better(overall)
		);
		if (!recorded.includes(overall)) recorded[int(0, standardRefs.length - 1)] = overall;
		const failing = overall === 'requires-improvement' || overall === 'inadequate';
		return auditAreas.map((area, i) => ({
			id: area.id,
			grade: recorded[i],
			effective:
				failing && !grip && area.cascade && recorded[i] !== 'not-applicable' ? overall : recorded[i]
		}));
	};
	const gradeEvidence = 'Seen in the case record and discussed with the worker.';

	db.transaction(() => {
		for (let n = 0; n < auditCount; n++) {
			const id = uuid();
			const draft = n < draftAuditCount;
			const p = pick(practitioners);
			const manager = p.team.manager;
			let auditor = pick(auditors);
			while (auditor === manager) auditor = pick(auditors);
			let coAuditor = chance(0.1) ? pick(auditors) : null;
			if (coAuditor === auditor || coAuditor === manager) coAuditor = null;
			const auditedMs = draft ? daysAgo(0, 45) : daysAgo(2, 730);
			const type = weighted([
				['journey-and-impact', 60],
				['themed', 15],
				['multi-agency', 15],
				['dip-sample', 10]
			]);
			const overall = weighted([
				['outstanding', 10],
				['good', 50],
				['requires-improvement', 32],
				['inadequate', 8]
			]);
			const failing = overall === 'requires-improvement' || overall === 'inadequate';
			const graded = !draft || chance(0.5);
			const grip = graded && failing && chance(0.03);
			const areas = graded ? areaGrades(overall, grip) : [];
			for (const area of areas)
				addGrade(id, 'audit', area.id, area.grade, area.effective, gradeEvidence);

			let finalisedMs = null;
			let escalation = null;
			let responseMs = null;
			let receiptMs = null;
			let moderated = null;
			let moderatedMs = null;
			let moderator = null;
			if (!draft) {
				finalisedMs = auditedMs + int(0, 2) * day;
				escalation =
					overall === 'inadequate'
						? 'same-day'
						: overall === 'requires-improvement'
							? 'urgent-review'
							: null;
				if (escalation && chance(0.85)) responseMs = finalisedMs + int(0, 5) * day;
				if (chance(0.85)) receiptMs = finalisedMs + int(1, 20) * day;
				if (chance(0.15)) {
					moderator = pick(chance(0.2) ? psws : auditors);
					moderated = chance(0.8) ? overall : chance(0.5) ? better(overall) : worse(overall);
					moderatedMs = finalisedMs + int(5, 30) * day;
					for (const area of areaGrades(moderated, grip))
						addGrade(id, 'moderation', area.id, area.grade, area.effective, gradeEvidence);
				}
			}
			const updatedMs = Math.max(
				auditedMs,
				finalisedMs ?? 0,
				responseMs ?? 0,
				receiptMs ?? 0,
				moderatedMs ?? 0
			);
			addAudit(
				id,
				type,
				type === 'themed'
					? pick(['Neglect', 'Domestic abuse', 'Exploitation', 'Disability'])
					: null,
				`C-${pad(int(0, 999999), 6)}`,
				p.id,
				p.team.id,
				manager,
				auditor,
				coAuditor,
				date(auditedMs - 183 * day),
				date(auditedMs),
				date(auditedMs),
				draft ? 'draft' : 'finalised',
				grip ? 1 : 0,
				grip ? 'The manager had evident grip of the key issues.' : '',
				chance(0.7) ? 'The child said their worker listens.' : '',
				chance(0.6) ? 'The parent said they know what needs to change.' : '',
				chance(0.2) ? 'The family declined to take part.' : '',
				'The worker reflected on the plan.',
				'The manager agreed the actions.',
				graded ? overall : null,
				escalation,
				responseMs === null ? null : 'The case was reviewed and the plan updated.',
				responseMs === null ? null : manager,
				responseMs === null ? null : iso(responseMs),
				receiptMs === null ? null : manager,
				receiptMs === null ? null : iso(receiptMs),
				receiptMs === null ? '' : 'Discuss in the next supervision.',
				moderator,
				moderated,
				moderated ? 'Moderation agreed after discussion.' : '',
				moderated ? moderator : null,
				moderated ? iso(moderatedMs) : null,
				draft ? null : iso(finalisedMs),
				draft ? null : iso(finalisedMs),
				auditor,
				iso(auditedMs),
				iso(updatedMs)
			);

			const developmentChance = {
				outstanding: 0.15,
				good: 0.35,
				'requires-improvement': 0.7,
				inadequate: 0.85
			}[overall];
			const findingCount = int(1, 3);
			for (let f = 0; f < findingCount; f++) {
				const findingId = uuid();
				const kind = chance(developmentChance) ? 'development' : 'strength';
				const [text, suggested] = pick(kind === 'development' ? developmentTexts : strengthTexts);
				addFinding(findingId, id, kind, text, iso(auditedMs));
				const tags = new Map();
				const tagCount = int(1, 2);
				while (tags.size < tagCount) {
					const outcome = chance(0.65);
					const ref = outcome
						? chance(0.7)
							? pick(suggested)
							: pick(outcomeIds)
						: pick(standardRefs);
					tags.set(`${outcome ? 'outcome' : 'standard'} ${ref}`, { outcome, ref });
				}
				for (const { outcome, ref } of tags.values())
					addTag(
						findingId,
						outcome ? 'outcome' : 'standard',
						ref,
						outcome ? frameworkVersion : null
					);
				if (kind === 'development' && !draft)
					needs.push({
						id: uuid(),
						practitioner: p,
						auditId: id,
						findingId,
						text,
						outcomes: [...tags.values()].filter((t) => t.outcome).map((t) => t.ref),
						createdMs: finalisedMs,
						status: 'open',
						metBy: null,
						metMs: null
					});
			}

			const actionCount = int(1, 2);
			for (let a = 0; a < actionCount; a++) {
				const dueMs = auditedMs + int(28, 90) * day;
				const past = dueMs < now;
				const status = draft
					? 'open'
					: past
						? weighted([
								['done', 25],
								['signed-off', 60],
								['open', 15]
							])
						: weighted([
								['open', 70],
								['done', 20],
								['signed-off', 10]
							]);
				const doneMs =
					status === 'open'
						? null
						: auditedMs +
							int(1, Math.max(1, Math.floor((Math.min(now, dueMs) - auditedMs) / day))) * day;
				const signedMs = status === 'signed-off' ? doneMs + int(0, 7) * day : null;
				addAction(
					uuid(),
					id,
					'Update the plan with the child’s views and review it with the family.',
					chance(0.7) ? p.id : manager,
					date(dueMs),
					status,
					doneMs === null ? null : iso(doneMs),
					signedMs === null ? null : manager,
					signedMs === null ? null : iso(signedMs),
					iso(auditedMs)
				);
			}
		}
	})();

	// --- Learning needs and pathways -------------------------------------------------------
	const pathwaysDir = 'content/pathways';
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

	const assignments = [];
	const progressRows = [];
	const assigned = new Set();
	const assignPerson = (p, pathway, need, assignedMs) => {
		const key = `${p.id} ${pathway.id}`;
		if (assigned.has(key)) return;
		assigned.add(key);
		const a = {
			id: uuid(),
			pathway,
			scope: 'person',
			practitionerId: p.id,
			teamId: null,
			need,
			dueMs: chance(0.8) ? assignedMs + int(60, 120) * day : null,
			by: chance(0.7) ? p.team.manager : psws[0],
			assignedMs
		};
		assignments.push(a);
		if (chance(0.7)) work(a, p, Math.floor((now - assignedMs) / day) > 30 ? 0.5 : 0.15);
	};
	/** Some or all of the pathway's steps done; completed ones cite one of their own records. */
	const work = (a, p, completeChance) => {
		const startedMs = Math.min(now, a.assignedMs + int(0, 14) * day);
		const complete = chance(completeChance) && p.accepted.length > 0;
		const steps = complete ? a.pathway.steps : int(0, a.pathway.steps - 1);
		const completedMs = complete ? Math.min(now, startedMs + int(7, 60) * day) : null;
		const row = {
			id: uuid(),
			assignmentId: a.id,
			practitionerId: p.id,
			steps: JSON.stringify(Array.from({ length: steps }, (_, i) => i + 1)),
			startedMs,
			updatedMs: completedMs ?? Math.min(now, startedMs + int(0, 30) * day),
			completedMs,
			evidenceId: complete ? pick(p.accepted) : null
		};
		progressRows.push(row);
		if (complete && a.need) {
			a.need.status = 'met';
			a.need.metBy = row.id;
			a.need.metMs = completedMs;
		}
	};

	// Two thirds for needs the audits raised (a pathway that covers the need where there is
	// one), the rest chosen by supervisors for people directly.
	const needOrder = needs.map((need) => ({ need, key: next() })).sort((a, b) => a.key - b.key);
	for (const { need } of needOrder) {
		if (assignments.length >= (personAssignmentCount * 2) / 3) break;
		const matching = pathways.filter((pw) => pw.outcomes.some((o) => need.outcomes.includes(o)));
		assignPerson(
			need.practitioner,
			pick(matching.length ? matching : pathways),
			need,
			need.createdMs + int(0, 14) * day
		);
	}
	while (assignments.length < personAssignmentCount)
		assignPerson(pick(practitioners), pick(pathways), null, daysAgo(0, 600));
	for (const team of teams.slice(0, 5)) {
		const a = {
			id: uuid(),
			pathway: pick(pathways),
			scope: 'team',
			practitionerId: null,
			teamId: team.id,
			need: null,
			dueMs: daysAgo(-60, 30),
			by: team.manager,
			assignedMs: daysAgo(60, 200)
		};
		assignments.push(a);
		for (const p of team.members) if (chance(0.5)) work(a, p, 0.4);
	}
	const service = {
		id: uuid(),
		pathway: pathways.find((pw) => pw.id === 'using-supervision-well') ?? pathways[0],
		scope: 'service',
		practitionerId: null,
		teamId: null,
		need: null,
		dueMs: null,
		by: psws[0],
		assignedMs: daysAgo(90, 120)
	};
	assignments.push(service);
	for (const p of practitioners) if (chance(0.1)) work(service, p, 0.3);

	db.transaction(() => {
		for (const need of needs) {
			addNeed(
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
			for (const outcome of need.outcomes) addNeedOutcome(need.id, frameworkVersion, outcome);
		}
		for (const a of assignments)
			addAssignment(
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
		for (const r of progressRows)
			addProgress(
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

	return { db, started };
}

async function buildDatabase() {
	for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
	mkdirSync(dirname(dbPath), { recursive: true });
	console.log(`Creating the schema in ${dbPath}`);
	const server = startServer({ ADMIN_EMAIL: adminEmail });
	try {
		await waitForServer(server);
	} finally {
		await stopServer(server);
	}

	console.log('Generating the authority…');
	const passwordHash = await hash(pswPassword, {
		memoryCost: 19456,
		timeCost: 2,
		outputLen: 32,
		parallelism: 1
	});
	const { db, started } = generate();
	db.prepare('update users set password_hash = ?, active = 1 where email = ?').run(
		passwordHash,
		pswEmail
	);
	const problems = db.pragma('foreign_key_check');
	if (problems.length)
		throw new Error(`${problems.length} broken references, first: ${JSON.stringify(problems[0])}`);
	db.exec('ANALYZE');
	db.pragma('wal_checkpoint(TRUNCATE)');
	const seconds = (performance.now() - started) / 1000;
	const tables = [
		'users',
		'teams',
		'supervisions',
		'enrolments',
		'programme_reviews',
		'evidence',
		'evidence_outcomes',
		'observations',
		'signoffs',
		'audits',
		'audit_grades',
		'audit_findings',
		'audit_finding_tags',
		'audit_actions',
		'learning_needs',
		'learning_need_outcomes',
		'pathway_assignments',
		'pathway_progress'
	];
	console.log(`Generated in ${seconds.toFixed(1)} s:`);
	for (const table of tables) {
		const { n } = db.prepare(`select count(*) as n from ${table}`).get();
		console.log(`  ${table.padEnd(24)} ${String(n).padStart(9)}`);
	}
	db.close();
}

// ---------------------------------------------------------------------------------------------
// Timing

const percentile = (sorted, p) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function signIn() {
	const response = await fetch(`${base}/sign-in`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: base,
			accept: 'text/html'
		},
		body: new URLSearchParams({ email: pswEmail, password: pswPassword }),
		redirect: 'manual'
	});
	await response.arrayBuffer();
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.filter((c) => !c.endsWith('='))
		.join('; ');
	if (response.status !== 303 || !cookie)
		throw new Error(`signing in as ${pswEmail} answered ${response.status} without a session`);
	return cookie;
}

async function time(path, cookie) {
	const get = () => fetch(base + path, { headers: { cookie }, redirect: 'manual' });
	for (let i = 0; i < warmUp; i++) await (await get()).arrayBuffer();
	const samples = [];
	let bytes = 0;
	let status = 0;
	for (let i = 0; i < requests; i++) {
		const start = performance.now();
		const response = await get();
		const body = await response.arrayBuffer();
		samples.push(performance.now() - start);
		status = response.status;
		bytes = body.byteLength;
	}
	samples.sort((a, b) => a - b);
	return {
		path,
		status,
		p50: percentile(samples, 50),
		p95: percentile(samples, 95),
		max: samples.at(-1),
		bytes
	};
}

let server;
try {
	if (reuse && existsSync(dbPath)) console.log(`Reusing ${dbPath}`);
	else await buildDatabase();

	const db = new SQLite(dbPath, { readonly: true });
	const count = (sql) => db.prepare(sql).get().n;
	const practitionerTotal = count(
		"select count(*) as n from user_roles where role = 'practitioner'"
	);
	const evidenceTotal = count('select count(*) as n from evidence');
	const auditTotal = count('select count(*) as n from audits');
	const firstTeam = db.prepare('select id from teams order by name limit 1').get()?.id ?? '';
	// A practitioner with a full portfolio: the one with the most evidence.
	const busiest =
		db
			.prepare(
				'select owner_id as id from evidence group by owner_id order by count(*) desc limit 1'
			)
			.get()?.id ?? '';
	db.close();

	server = startServer();
	await waitForServer(server);
	const cookie = await signIn();
	console.log(
		`${practitionerTotal} practitioners, ${evidenceTotal} evidence records, ${auditTotal} audits`
	);
	console.log(
		`${requests} sequential requests per page as ${pswEmail}, after ${warmUp} to warm up (times in ms, client-side)`
	);
	for (const page of pages) {
		const r = await time(page.replace('{team}', firstTeam).replace('{person}', busiest), cookie);
		console.log(
			`${r.path.padEnd(60)} ${String(r.status).padStart(3)}  p50 ${r.p50.toFixed(2).padStart(8)}  p95 ${r.p95.toFixed(2).padStart(8)}  max ${r.max.toFixed(2).padStart(8)}  ${(r.bytes / 1024).toFixed(0)} KiB`
		);
	}
} finally {
	await stopServer(server);
}
