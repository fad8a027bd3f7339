import { readdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { randomChoices } from '../workforce/random.js';

// A practitioner's portfolio grown to a benchmark's size, written straight into the database
// while the server is stopped: records of a realistic length (an account, a six-part Gibbs
// reflection, the CPD fields), mapped to two or three outcomes of the PQS with statements,
// most accepted by her supervisor with feedback, a comment on every third. Fictional and the
// same every run.

const sentences = [
	'I visited the family at home to review the child in need plan with the parents.',
	'The child showed me their room and talked about school, friends and football.',
	'I used the three houses tool so the child could say what was working and what worried them.',
	'Mum was anxious at first, so I explained why I was there and what would happen next.',
	'We agreed two small actions that the family could try before the next visit.',
	'My supervisor helped me to think about the difference between compliance and change.',
	'I checked the chronology and noticed a pattern of missed health appointments.',
	'I wrote the assessment in plain language, so that the family could read it.',
	'The strategy discussion helped me to understand the risks from outside the home.',
	'I reflected on how my own background shapes what I notice in a home.',
	'Next time I will plan the visit around the child’s routine, not mine.',
	'The research on neglect helped me to name what I had seen without blaming the parents.'
];
const cpdTypes = ['formal-learning', 'practice-learning', 'reading-research', 'supervision-peer'];
const gibbs = ['description', 'feelings', 'evaluation', 'analysis', 'conclusion', 'actionPlan'];

/** The outcomes of the framework and their statement ids, read from its content. */
function outcomesOf(version = 'pqs-2025') {
	const root = `content/frameworks/${version}`;
	return readdirSync(root, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.flatMap((dir) =>
			readdirSync(`${root}/${dir.name}`).map((file) => {
				const text = readFileSync(`${root}/${dir.name}/${file}`, 'utf8');
				const id = /^id: "?([\d.]+)"?$/m.exec(text)?.[1];
				const statements = [...text.matchAll(/^- \*\*([\d.]+ [KD]\d+)\*\*/gm)].map((m) => m[1]);
				return { id, statements };
			})
		)
		.filter((outcome) => outcome.id && outcome.statements.length);
}

/** The statements that write a record and what belongs to it. */
function inserts(db) {
	return {
		evidence: db.prepare(
			`insert into evidence (id, owner_id, title, activity_date, type, account, reflection_model,
				reflection, cpd_type, cpd_relevance, cpd_learning, cpd_impact, peer_reflected,
				peer_reflection, cpd_minutes, status, version, created_at, updated_at, submitted_at,
				anonymity_confirmed_at, reviewed_by, reviewed_at, review_feedback)
			values (@id, @owner, @title, @date, 'case-work', @account, 'gibbs', @reflection, @cpdType,
				@relevance, @learning, @impact, 1, @peer, 90, @status, 2, @at, @at, @submitted, null,
				@reviewer, @reviewed, @feedback)`
		),
		outcome: db.prepare(
			`insert into evidence_outcomes (evidence_id, framework_version, outcome_id)
			values (?, 'pqs-2025', ?)`
		),
		statement: db.prepare(
			`insert into evidence_statements (evidence_id, framework_version, outcome_id, statement_id)
			values (?, 'pqs-2025', ?, ?)`
		),
		comment: db.prepare(
			`insert into evidence_comments (id, evidence_id, author_id, body, created_at)
			values (?, ?, ?, ?, ?)`
		)
	};
}

/** The `n`th record's row: one every two days from 1 January 2024, most of them accepted. */
function recordRow(g, n, owner, reviewer) {
	const words = (count) => Array.from({ length: count }, () => g.pick(sentences)).join(' ');
	const status = g.weighted([
		['accepted', 80],
		['submitted', 10],
		['draft', 10]
	]);
	const at = new Date(Date.UTC(2024, 0, 1) + n * 2 * 86_400_000).toISOString();
	const accepted = status === 'accepted';
	return {
		id: g.uuid(),
		owner,
		title: `Case work ${n + 1}: ${g.pick(sentences).slice(0, 50)}`,
		date: at.slice(0, 10),
		account: words(6),
		reflection: JSON.stringify(Object.fromEntries(gibbs.map((key) => [key, words(3)]))),
		cpdType: g.pick(cpdTypes),
		relevance: words(2),
		learning: words(2),
		impact: words(2),
		peer: words(1),
		status,
		at,
		submitted: status === 'draft' ? null : at,
		reviewer: accepted ? reviewer : null,
		reviewed: accepted ? at : null,
		feedback: accepted ? words(1) : null,
		comment: n % 3 === 0 ? words(2) : null
	};
}

/** Adds `count` records to the portfolio of the person with this email. */
export function addRecords(dbPath, email, count) {
	const db = new Database(dbPath);
	const g = randomChoices(17);
	const owner = db.prepare('select id from users where email = ?').get(email).id;
	const reviewer = db.prepare("select id from users where email = 'supervisor@demo.test'").get().id;
	const outcomes = outcomesOf();
	const insert = inserts(db);
	db.transaction(() => {
		for (let n = 0; n < count; n++) {
			const { comment, ...row } = recordRow(g, n, owner, reviewer);
			insert.evidence.run(row);
			for (const outcome of g.distinct(outcomes, g.int(2, 3))) {
				insert.outcome.run(row.id, outcome.id);
				for (const statement of g.distinct(outcome.statements, 2))
					insert.statement.run(row.id, outcome.id, statement);
			}
			if (comment) insert.comment.run(g.uuid(), row.id, reviewer, comment, row.at);
		}
	})();
	db.close();
	return count;
}
