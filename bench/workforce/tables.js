// The tables the bench fills, each with the columns its generator gives values for, in order.

const columns = {
	users: [
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
	],
	user_roles: ['user_id', 'role'],
	teams: ['id', 'name', 'manager_id', 'created_at'],
	supervisions: [
		'id',
		'supervisor_id',
		'supervisee_id',
		'starts_on',
		'ends_on',
		'created_by',
		'created_at'
	],
	enrolments: ['id', 'user_id', 'programme', 'starts_on', 'created_at', 'fte_percent'],
	programme_reviews: [
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
	],
	evidence: [
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
	],
	// The owner and the accepted record's date, which the app's triggers fill in (see generate.js).
	evidence_outcomes: ['evidence_id', 'framework_version', 'outcome_id', 'owner_id', 'accepted_on'],
	observations: [
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
	],
	signoffs: [
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
	],
	audits: [
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
	],
	audit_grades: ['audit_id', 'stage', 'area_id', 'grade', 'effective_grade', 'evidence'],
	audit_findings: ['id', 'audit_id', 'kind', 'text', 'created_at'],
	audit_finding_tags: ['finding_id', 'kind', 'ref', 'framework_version'],
	audit_actions: [
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
	],
	learning_needs: [
		'id',
		'practitioner_id',
		'audit_id',
		'finding_id',
		'description',
		'status',
		'met_by',
		'met_at',
		'created_at'
	],
	learning_need_outcomes: ['need_id', 'framework_version', 'outcome_id'],
	pathway_assignments: [
		'id',
		'pathway_id',
		'scope',
		'practitioner_id',
		'team_id',
		'need_id',
		'due_on',
		'assigned_by',
		'assigned_at'
	],
	pathway_progress: [
		'id',
		'assignment_id',
		'practitioner_id',
		'steps_done',
		'reflection',
		'started_at',
		'updated_at',
		'completed_at',
		'evidence_id'
	]
};

/** Tables the app's triggers keep from the generated ones, filled once the rows are in. */
export const derivedTables = [
	'accepted_outcomes',
	'audit_area_months',
	'audit_moderation_months',
	'audit_grade_months',
	'audit_theme_months',
	'learning_need_months',
	'learning_need_outcome_months',
	'cpd_years',
	'coverage_team_months',
	'qa_latest'
];

/**
 * The reminders start-up has sent, so that the server on PostgreSQL does not send them all
 * again (one by one: at 40,000 practitioners that is most of an hour on a busy machine).
 */
export const sentTables = ['review_reminders', 'cpd_reminders'];

/** The tables the bench generates (roles come with their users), in the order it reports them. */
export const generatedTables = Object.keys(columns).filter((table) => table !== 'user_roles');

/**
 * The tables copied to PostgreSQL, each after those it refers to: teams first, their managers
 * filled in once the users are there (a team names its manager, a user their team).
 */
export const copiedTables = [
	'teams',
	...Object.keys(columns).filter((table) => table !== 'teams'),
	...derivedTables,
	...sentTables
];

/** One prepared insert per table, taking its values in the order of its columns above. */
export function inserters(db) {
	return Object.fromEntries(
		Object.entries(columns).map(([table, names]) => {
			const statement = db.prepare(
				`insert into ${table} (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`
			);
			return [table, (...values) => statement.run(...values)];
		})
	);
}
