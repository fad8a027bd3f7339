import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { ownTables, testDatabases } from '../db/testing';
import { seedDemoAuthority } from './seed';

// The demo authority is data under content/demo; this test holds what the seed makes of it: the
// rows in every table and a digest of each table's texts, the same on SQLite and PostgreSQL. The
// figures were first printed from the seed as it was written in TypeScript (ae7a82b, with 655f6a0
// settling the order of two needs raised in one audit), so the demo moved into content was shown
// to make the same rows. Change them only on purpose: print them with PRINT_DEMO_FIGURES=1, paste
// them here, and say in the commit which figures moved and why (`git log -p` on this file tells
// each change since).

const now = new Date('2026-11-23T09:30:00Z');

const expectedCounts: Record<string, number> = {
	accepted_outcomes: 58,
	agreements: 12,
	api_tokens: 0,
	attachments: 1,
	audit_actions: 57,
	audit_area_months: 361,
	audit_moderation_months: 81,
	audit_grade_months: 41,
	audit_theme_months: 35,
	learning_need_months: 15,
	learning_need_outcome_months: 21,
	cpd_year_rule: 1,
	cpd_years: 16,
	coverage_team_months: 69,
	kept_recounts_pending: 0,
	audit_finding_tags: 115,
	audit_findings: 61,
	audit_grades: 462,
	audit_voice_contacts: 1,
	audit_voices: 2,
	audits: 43,
	authority_settings: 1,
	cpd_reminders: 0,
	development_plans: 26,
	enrolment_extensions: 1,
	enrolment_hours: 0,
	enrolment_pauses: 0,
	enrolments: 12,
	events: 704,
	evidence: 58,
	evidence_comments: 0,
	evidence_outcomes: 100,
	evidence_standards: 6,
	evidence_statements: 155,
	feedback_contacts: 1,
	feedback_requests: 2,
	file_store: 0,
	figure_versions: 2,
	guest_links: 42,
	handovers: 0,
	health_check_answers: 17,
	health_check_invitations: 37,
	health_checks: 1,
	imported_evidence: 0,
	imported_signoffs: 0,
	imports: 0,
	learning_need_outcomes: 21,
	learning_needs: 16,
	leases: 0,
	observation_invitations: 2,
	observations: 14,
	one_time_tokens: 0,
	outbox: 157,
	pathway_assignments: 10,
	pathway_progress: 8,
	pdf_jobs: 0,
	pending_sign_ins: 0,
	portfolio_imports: 0,
	programme_reviews: 14,
	protected_time: 3,
	qa_latest: 29,
	recovery_codes: 0,
	review_reflections: 14,
	review_reminders: 0,
	scim_people: 0,
	self_assessment_ratings: 26,
	self_assessments: 1,
	sessions: 0,
	sign_in_failures: 0,
	signoff_head_log: 13,
	signoff_heads: 3,
	signoff_seal: 1,
	signoffs: 13,
	sso_identities: 0,
	supervision_action_updates: 59,
	supervision_actions: 63,
	supervision_records: 155,
	supervisions: 93,
	teams: 3,
	two_factor: 0,
	user_roles: 43,
	users: 41
};

/**
 * A digest of each table's rows, with ids, times and hashes masked. Events and mail are left out:
 * their wording belongs to other modules.
 */
const expectedDigests: Record<string, string> = {
	accepted_outcomes: 'd7e8dde50747ed6c',
	agreements: 'a6eac5c9117749ab',
	attachments: '395e271936eb3264',
	audit_actions: 'da6ca250db4322b1',
	audit_area_months: 'f38252070e8affbe',
	audit_moderation_months: '66a806839d71d2c7',
	audit_grade_months: '89a7ab50355f86f1',
	audit_theme_months: '036e943251495caf',
	learning_need_months: '5eae52853427d93e',
	learning_need_outcome_months: '54b5afe922060b89',
	cpd_year_rule: '7db17a5f82dd2925',
	cpd_years: '5a99a97b334d321f',
	coverage_team_months: '9005d77d170c4c7e',
	audit_finding_tags: '2979a94f1e0d777e',
	audit_findings: '77f89ea6ab510c2d',
	audit_grades: 'c6160fa63a2c2af5',
	audit_voice_contacts: '14b129e9cb191553',
	audit_voices: 'd5d239382814ad22',
	audits: '7549a39ef969c70f',
	authority_settings: 'c86816338e2641cb',
	development_plans: '55d5857fb149aa22',
	enrolment_extensions: '6fd8f52c4719fb08',
	enrolments: '73ea525dcfd866d0',
	evidence: '1f0b377f78e71925',
	evidence_outcomes: '87be210b1638384a',
	evidence_standards: '855581d66cec1aff',
	evidence_statements: 'c6302eaa525049b9',
	feedback_contacts: 'ae2b0ff1de69ec00',
	feedback_requests: '648be51c4b8932a7',
	guest_links: '1ddf3511617afdfd',
	health_check_answers: '479464e76d72e430',
	health_check_invitations: 'f2f52c4f466277e5',
	health_checks: '5e5489316311690b',
	learning_need_outcomes: 'ee77ce89ccd0cc15',
	learning_needs: 'e8c0bd7ba4300782',
	observation_invitations: 'e5728fc6dd60b496',
	observations: 'feaca0a947c12087',
	pathway_assignments: 'b67a412dac177940',
	pathway_progress: 'a9e121e0274ef7e8',
	programme_reviews: 'be536a7a4c80def3',
	protected_time: 'be485961d8d59f01',
	qa_latest: '0b8eff39403aee27',
	review_reflections: '456038b3d4ac054d',
	self_assessment_ratings: 'b12e020fd0b37640',
	self_assessments: '6648716e82db6b05',
	signoff_head_log: '96ac51c2d1aa1ed5',
	signoff_heads: '4823131b7282088e',
	signoff_seal: '7ccf2e0fa02eb256',
	signoffs: 'bab7862fee3718f1',
	supervision_action_updates: 'f0d271c4169d0b0f',
	supervision_actions: '2896e1932bff3ffe',
	supervision_records: '5802dde204c83b59',
	supervisions: '5ff4279eabea9209',
	teams: '505d7ebfcd98dd22',
	user_roles: 'c299e337cd3a377c',
	users: '960e786ef675bc6f'
};

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
// A time of day, a password hash or a content hash changes from run to run; dates do not.
const volatile = /^(?:\d{4}-\d\d-\d\dT.*|[0-9a-f]{64}|\$.*)$/;

function mask(value: unknown) {
	if (typeof value !== 'string') return value;
	return volatile.test(value) ? '~' : value.replace(uuid, '~');
}

async function figures(db: Db) {
	const counts: Record<string, number> = {};
	const digests: Record<string, string> = {};
	for (const name of await ownTables(db)) {
		// eslint-disable-next-line @typescript-eslint/no-explicit-any -- every table, by name
		const rows: Record<string, unknown>[] = await (db as any)
			.selectFrom(name)
			.selectAll()
			.execute();
		counts[name] = rows.length;
		// A count of changes to the audit figures, which the two databases count differently.
		const counters = ['events', 'outbox', 'figure_versions'];
		if (counters.includes(name) || rows.length === 0) continue;
		const lines = rows
			.map((row) =>
				JSON.stringify(
					Object.keys(row)
						.sort()
						.map((key) => [key, mask(row[key])])
				)
			)
			.sort();
		digests[name] = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
	}
	return { counts, digests };
}

for (const database of testDatabases()) {
	describe(`the demo authority on ${database.name}`, () => {
		let db: Db;
		let close: () => Promise<void>;
		beforeAll(async () => {
			({ db, close } = await database.open());
			await seedDemoAuthority(db, now);
		});
		afterAll(() => close());

		it('creates the same rows in every table, with the same texts', async () => {
			const { counts, digests } = await figures(db);
			if (process.env.PRINT_DEMO_FIGURES) console.log(JSON.stringify({ counts, digests }, null, 1));
			expect(counts).toEqual(expectedCounts);
			expect(digests).toEqual(expectedDigests);
		});
	});
}
