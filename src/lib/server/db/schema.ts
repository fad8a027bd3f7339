// Long because: every table's row type, one interface each, with the Database interface that
// types the single Kysely instance; one file is how a reader sees the whole schema at once.

import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import { apiTokenScopes } from '../auth/api-token-format.js';
import type { ActionOutcome } from '../../supervision/vocabulary';
import type { EnrolmentEnding } from '../../programme/vocabulary';
import type { FeedbackRelationship } from '../../feedback/vocabulary';

// Times are ISO 8601 text in UTC (`2026-11-25T15:04:05.000Z`) and dates are `2026-11-25`, so
// that the same queries sort and compare alike on SQLite and PostgreSQL. Flags are 0 or 1.

export const roles = [
	'practitioner',
	'supervisor',
	'auditor',
	'psw',
	'admin',
	'external-assessor'
] as const;
export type Role = (typeof roles)[number];

/** The roles among `held` (others, and nothing, left out), in the order the product lists them. */
export const rolesInOrder = (held: readonly (string | null | undefined)[]): Role[] =>
	roles.filter((role) => held.includes(role));

/** The relationships someone may hold to a practitioner, each with its own history. */
export const relationshipKinds = ['line-manager', 'practice-supervisor', 'assessor'] as const;
export type RelationshipKind = (typeof relationshipKinds)[number];

export const careerStages = [
	'asye',
	'social-worker',
	'senior-social-worker',
	'advanced-practitioner'
] as const;
export type CareerStage = (typeof careerStages)[number];

export interface UsersTable {
	id: string;
	email: string;
	name: string;
	password_hash: string | null;
	career_stage: CareerStage | null;
	swe_number: string | null;
	team_id: string | null;
	active: number;
	created_at: string;
	deactivated_at: string | null;
	/** When their name, email and portfolio were erased (`retention/`); the row stays for others' records. */
	erased_at: string | null;
}

export interface UserRolesTable {
	user_id: string;
	role: Role;
}

export interface TeamsTable {
	id: string;
	name: string;
	manager_id: string | null;
	created_at: string;
	/** The service the team belongs to: where a small team's health-check answers are merged. */
	service: string | null;
}

/** A relationship: `supervisor_id` holds it to the practitioner `supervisee_id`. */
export interface SupervisionsTable {
	id: string;
	kind: RelationshipKind;
	supervisor_id: string;
	supervisee_id: string;
	starts_on: string;
	ends_on: string | null;
	created_by: string | null;
	created_at: string;
}

/** A CSV file of staff from HR, kept from its dry run until it is applied (`people/import.ts`). */
export interface ImportsTable {
	id: string;
	file_name: string;
	content: string;
	content_sha256: string;
	/** 1 when the file lists everyone who should have an account: anyone else is deactivated. */
	everyone: number;
	/** 1 when teams the file names that do not exist yet are to be made. */
	create_teams: number;
	uploaded_by: string;
	uploaded_at: string;
	applied_by: string | null;
	applied_at: string | null;
	/** What applying it did, as JSON: `{ "added": 3, "changed": 1, … }`. */
	summary: string | null;
}

/**
 * A practitioner whose line manager, practice supervisor or assessor left: brought to
 * `attention_id`'s attention (or, when null, the principal social workers') until each of
 * `kinds` (comma-separated) is held again.
 */
export interface HandoversTable {
	id: string;
	leaver_id: string;
	practitioner_id: string;
	attention_id: string | null;
	kinds: string;
	created_at: string;
}

export interface EnrolmentsTable {
	id: string;
	user_id: string;
	programme: string;
	starts_on: string;
	created_at: string;
	/** Working hours from the start, as a percentage of full time; later changes in `enrolment_hours`. */
	fte_percent: Generated<number>;
	/** Active, until it ends as passed, not passed, withdrawn or left. One active per person per programme. */
	status: Generated<EnrolmentStatus>;
	ended_on: string | null;
	end_note: string | null;
}

export type EnrolmentStatus = 'active' | EnrolmentEnding;

/** Working hours from a date on, as a percentage of full time. */
export interface EnrolmentHoursTable {
	id: string;
	enrolment_id: string;
	from_on: string;
	fte_percent: number;
	created_by: string | null;
	created_at: string;
}

/** A pause from `starts_on` until the day back, `ends_on` (null until they are back). */
export interface EnrolmentPausesTable {
	id: string;
	enrolment_id: string;
	starts_on: string;
	ends_on: string | null;
	created_by: string | null;
	created_at: string;
}

export interface EnrolmentExtensionsTable {
	id: string;
	enrolment_id: string;
	months: number;
	reason: string;
	created_by: string | null;
	created_at: string;
}

export interface ProgrammeReviewsTable {
	id: string;
	enrolment_id: string;
	review_id: string;
	/** Progress by domain, as JSON: `{ "1": "…" }`. */
	progress: string;
	strengths: string;
	areas_to_develop: string;
	practitioner_comments: string;
	recommendation: string;
	completed_by: string;
	completed_at: string;
	countersigned_by: string | null;
	countersigned_at: string | null;
	panel_decision: 'agree' | 'refer-back' | null;
	panel_reasons: string | null;
	panel_by: string | null;
	panel_at: string | null;
	/** 1 when the practitioner's critical reflection was there when it was recorded, else 0; null before they were asked for. */
	reflection_given: number | null;
}

/** A development plan for one stage of a programme (`plan_id` from its content). */
export interface DevelopmentPlansTable {
	id: string;
	enrolment_id: string;
	plan_id: string;
	goals: string;
	actions: string;
	/** Goes up by one on every save, as evidence's does. */
	version: number;
	created_by: string;
	created_at: string;
	updated_by: string;
	updated_at: string;
	/** The assessor who agreed it; an agreed plan is kept as agreed. */
	agreed_by: string | null;
	agreed_at: string | null;
}

/** The practitioner's critical reflection for one review point. */
export interface ReviewReflectionsTable {
	id: string;
	enrolment_id: string;
	review_id: string;
	reflection: string;
	version: number;
	created_at: string;
	updated_at: string;
}

export interface SessionsTable {
	/** SHA-256 of the session token, hex: the token itself is never stored. */
	id: string;
	user_id: string;
	created_at: string;
	last_seen_at: string;
	/** How the person signed in: with their password, or through the OpenID provider. */
	method: Generated<SignInMethod>;
}

export const signInMethods = ['password', 'oidc'] as const;
export type SignInMethod = (typeof signInMethods)[number];

/** The OpenID provider's subject for a person, kept after their first single sign-on. */
export interface SsoIdentitiesTable {
	issuer: string;
	client_id: string;
	subject: string;
	user_id: string;
	created_at: string;
}

export interface OneTimeTokensTable {
	id: string;
	user_id: string;
	purpose: 'invite' | 'reset';
	created_at: string;
	expires_at: string;
	used_at: string | null;
}

export interface OutboxTable {
	id: string;
	recipient: string;
	subject: string;
	body: string;
	created_at: string;
	sent_at: string | null;
	error: string | null;
}

/** A sign-in attempt, counted before its password is checked and removed if it was right. */
export interface SignInFailuresTable {
	id: string;
	email: string;
	address: string;
	at: string;
	/** What was tried: a password, a second factor's code, a reset link asked for, a link opened. */
	kind: Generated<'password' | 'code' | 'reset' | 'link'>;
}

/** A person's authenticator app: its key, and the last time step whose code was used. */
export interface TwoFactorTable {
	user_id: string;
	/** The TOTP key, base32 (RFC 4648, no padding) as the app is given it. */
	totp_key: string;
	last_step: number;
	created_at: string;
}

/** A single-use recovery code, kept as its SHA-256 hash. */
export interface RecoveryCodesTable {
	id: string;
	user_id: string;
	code_hash: string;
	created_at: string;
	used_at: string | null;
}

/** A sign-in whose password was right, waiting a few minutes for the second factor's code. */
export interface PendingSignInsTable {
	/** SHA-256 of the token in the person's cookie. */
	id: string;
	user_id: string;
	created_at: string;
	expires_at: string;
}

/** Settings of the authority kept in the database: `demo` marks the demo authority. */
export interface AuthoritySettingsTable {
	name: string;
	value: string;
}

export interface EventsTable {
	id: string;
	at: string;
	actor_id: string | null;
	action: string;
	subject_type: string;
	subject_id: string;
	detail: string | null;
}

export interface EvidenceTable {
	id: string;
	owner_id: string;
	title: string;
	activity_date: string;
	type: string;
	account: string;
	reflection_model: string;
	/** The reflection's prompts and answers, as JSON: `{ "feelings": "…" }`. */
	reflection: string;
	cpd_type: string | null;
	cpd_relevance: string;
	cpd_learning: string;
	cpd_impact: string;
	peer_reflected: number | null;
	peer_reflection: string;
	cpd_minutes: number | null;
	status: 'draft' | 'submitted' | 'accepted' | 'returned';
	/** Goes up by one on every save, so two tabs cannot silently overwrite each other. */
	version: number;
	created_at: string;
	updated_at: string;
	submitted_at: string | null;
	anonymity_confirmed_at: string | null;
	reviewed_by: string | null;
	reviewed_at: string | null;
	review_feedback: string | null;
}

/** A record mapped to an item of a practice-standards set, in the edition it was mapped to. */
export interface EvidenceStandardsTable {
	evidence_id: string;
	set_id: string;
	set_version: string;
	/** The item's stable ref, e.g. `gloucestershire-3`. */
	item_ref: string;
}

export interface EvidenceOutcomesTable {
	evidence_id: string;
	framework_version: string;
	outcome_id: string;
	/** The record's owner; filled by a trigger, for aggregating coverage from one index. */
	owner_id: Generated<string | null>;
	/** The record's activity date once it is accepted, else null; kept right by triggers. */
	accepted_on: Generated<string | null>;
}

/**
 * Each practitioner's outcomes with accepted evidence, one row a pair, and the latest activity
 * date of that evidence: kept by triggers from evidence_outcomes, so that coverage counts pairs
 * rather than every accepted record's outcomes.
 */
export interface AcceptedOutcomesTable {
	owner_id: string;
	framework_version: string;
	outcome_id: string;
	latest_on: string;
}

/**
 * How many of a month's finalised audits in a team (`team_key`, empty for none) gave a practice
 * area each grade, at the stage that stands (moderation where moderated): kept by triggers from
 * audits and audit_grades, so that the audit analysis counts these rather than every grade.
 */
export interface AuditAreaMonthsTable {
	month: string;
	team_key: string;
	area_id: string;
	grade: string;
	n: number;
}

/**
 * Each month's and team's moderated audits by practice area, and how many had that area's grade
 * changed by moderation, kept by triggers (2026-12-08-20) for the audit analysis.
 */
export interface AuditModerationMonthsTable {
	month: string;
	team_key: string;
	area_id: string;
	moderated: number;
	changed: number;
}

/**
 * Each month's and team's finalised audits by overall grade (the moderated grade where there is
 * one; `''` for none), kept by triggers (2026-12-10-01) for the audit analysis.
 */
export interface AuditGradeMonthsTable {
	month: string;
	team_key: string;
	grade: string;
	n: number;
}

/**
 * Each month's and team's tags (outcomes and standards) of development findings in finalised
 * audits, kept by triggers (2026-12-10-01) for the recurring themes.
 */
export interface AuditThemeMonthsTable {
	month: string;
	team_key: string;
	kind: string;
	ref: string;
	n: number;
}

/**
 * Each team's learning needs (its practitioners' today, while active) by the month they were
 * raised and status, kept by triggers (2026-12-10-02) for the workforce view's learning.
 */
export interface LearningNeedMonthsTable {
	team_key: string;
	month: string;
	status: LearningNeedStatus;
	n: number;
}

/** The same by outcome tagged (2026-12-10-02). */
export interface LearningNeedOutcomeMonthsTable {
	team_key: string;
	month: string;
	framework_version: string;
	outcome_id: string;
	status: LearningNeedStatus;
	n: number;
}

/** The day the CPD registration year starts (`12-01`), as the kept years count it (2026-12-10-03). */
export interface CpdYearRuleTable {
	starts: string;
}

/** Each person's CPD records in a registration year, kept by triggers (2026-12-10-03). */
export interface CpdYearsTable {
	user_id: string;
	year_start: string;
	records: number;
	peer_reflected: number;
	minutes: number;
}

/**
 * Each team's practitioners (today's, while active) with accepted evidence for an outcome, by the
 * month of their latest accepted record (`kind` `accepted`), and with it signed off, by the month
 * of the sign-off that stands (`signed`): kept by triggers (2026-12-10-04) for coverage by team.
 */
export interface CoverageTeamMonthsTable {
	team_key: string;
	framework_version: string;
	outcome_id: string;
	kind: 'accepted' | 'signed';
	month: string;
	n: number;
}

/**
 * Each person's latest finalised audit and latest observation and feedback record of each type,
 * whenever dated, kept by triggers (2026-12-09-01) for QA coverage.
 */
export interface QaLatestTable {
	user_id: string;
	audit: string | null;
	observation: string | null;
	feedback_child_family: string | null;
	feedback_colleague: string | null;
}

export interface EvidenceStatementsTable {
	evidence_id: string;
	framework_version: string;
	outcome_id: string;
	statement_id: string;
}

export interface AttachmentsTable {
	id: string;
	evidence_id: string;
	file_hash: string;
	name: string;
	mime: string;
	size: number;
	created_at: string;
	created_by: string;
	removed_at: string | null;
	/** JSON: what the anonymity check found in the file's text when it was added. */
	text_check: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SelfAssessmentsTable {
	id: string;
	user_id: string;
	framework_version: string;
	created_at: string;
}

export interface SelfAssessmentRatingsTable {
	assessment_id: string;
	outcome_id: string;
	rating: string;
	note: string;
}

export interface EvidenceCommentsTable {
	id: string;
	evidence_id: string;
	author_id: string;
	body: string;
	created_at: string;
}

export interface SignoffsTable {
	id: string;
	practitioner_id: string;
	/** 1, 2, 3, … for each practitioner: the order of the chain. */
	sequence: number;
	framework_version: string;
	outcome_id: string;
	action: 'sign-off' | 'withdraw';
	rationale: string;
	/** The accepted evidence cited, as a JSON array of ids. */
	evidence_ids: string;
	actor_id: string;
	created_at: string;
	previous_hash: string;
	hash: string;
	/** When the rationale was erased with its practitioner; not part of the hash. */
	erased_at: string | null;
	/** HMAC with SIGNOFF_KEY over the id, hash and `erased_at`: the erasure was the service's. */
	erasure_mac: string | null;
}

/** One row, written when the chains were first anchored; its MAC chains into the head log. */
export interface SignoffSealTable {
	id: number;
	sealed_at: string;
	/** HMAC-SHA-256 with SIGNOFF_KEY, as are the heads' and the head log's. */
	mac: string;
}

/** Each practitioner's newest sign-off entry, updated in the transaction that appends it. */
export interface SignoffHeadsTable {
	practitioner_id: string;
	sequence: number;
	hash: string;
	mac: string;
}

/** Every head ever set, for all practitioners in one chain: append-only. */
export interface SignoffHeadLogTable {
	/** 1, 2, 3, … across all practitioners. */
	sequence: number;
	practitioner_id: string;
	/** `seal`: the head found when the chains were first anchored; `append`: a new entry. */
	kind: 'seal' | 'append';
	head_sequence: number;
	head_hash: string;
	created_at: string;
	/** Whose head, and which entry, the log entry before this one recorded: so a deleted log entry can be named. */
	previous_practitioner_id: string | null;
	previous_head_sequence: number | null;
	previous_mac: string;
	mac: string;
}

export interface ObservationsTable {
	id: string;
	practitioner_id: string;
	/** Who observed; null for an observer from outside, invited by link, named in `observer_name`. */
	observer_id: string | null;
	observer_name: string | null;
	evidence_id: string;
	observed_on: string;
	setting: string;
	/** The child's and family's informed consent was obtained: always 1, the form requires it. */
	consent_confirmed: number;
	went_well: string;
	to_develop: string;
	practitioner_reflection: string;
	created_at: string;
}

export const observationInvitationStatuses = ['open', 'recorded', 'withdrawn', 'declined'] as const;
export type ObservationInvitationStatus = (typeof observationInvitationStatuses)[number];
export const observerKinds = ['assessor', 'colleague', 'external'] as const;
export type ObserverKind = (typeof observerKinds)[number];

/**
 * A practitioner's invitation to observe their practice: to their assessor, a colleague (both
 * with accounts, `observer_id`), or someone from outside by link (`observer_name`, `observer_email`).
 */
export interface ObservationInvitationsTable {
	id: string;
	practitioner_id: string;
	observer: ObserverKind;
	observer_id: string | null;
	observer_name: string | null;
	observer_email: string | null;
	/** `YYYY-MM-DD`: the day the observation is planned for (or took place). */
	planned_on: string;
	setting: string;
	status: ObservationInvitationStatus;
	/** The observation's record, once recorded. */
	evidence_id: string | null;
	created_at: string;
	closed_at: string | null;
}

export interface ReviewRemindersTable {
	enrolment_id: string;
	review_id: string;
	kind: 'due-soon' | 'overdue';
	sent_at: string;
}

/**
 * A link for someone without an account (src/lib/server/links): the hash of its token, never
 * the token, and the row it answers, e.g. a feedback request.
 */
export interface GuestLinksTable {
	id: string;
	purpose: 'feedback' | 'observation' | 'audit-view' | 'health-check';
	subject_id: string;
	created_at: string;
	expires_at: string;
	used_at: string | null;
}

/**
 * A practitioner's request for feedback by link (src/lib/server/feedback), answered once: the
 * answer becomes an evidence record of theirs (`record_id`).
 */
export interface FeedbackRequestsTable {
	id: string;
	practitioner_id: string;
	relationship: FeedbackRelationship;
	/** Who was asked, for a colleague or someone from an agency; never a child's or family's. */
	name: string | null;
	/** The record of theirs the feedback is about, if any. */
	about_id: string | null;
	created_at: string;
	/** When the link sent last stops working. */
	expires_at: string;
	answered_at: string | null;
	withdrawn_at: string | null;
	record_id: string | null;
}

/**
 * Where a request was sent, kept only while its link can be used: deleted when it is answered
 * or withdrawn, and by the retention run once it has expired.
 */
export interface FeedbackContactsTable {
	request_id: string;
	email: string;
	/** A child's or family member's name, if the practitioner gave one: for their list only. */
	name: string | null;
	expires_at: string;
}

/** A CPD reminder sent: once a person and reminder day (`cpd/reminders.ts`). */
/** A yearly staff health check, with the questions it was opened with (JSON). */
export interface HealthChecksTable {
	id: string;
	year: number;
	questions: string;
	opened_by: string;
	opened_at: string;
	/** The last day answers are taken. */
	closes_on: string;
	/** When it was closed early, if it was. */
	closed_at: string | null;
	/** How many people were sent a link. */
	invited: number;
}

/**
 * That a person was sent a link, and whether it was used; never which answer is theirs. Their
 * team and service as the survey opened, for the response rate of each group. `user_id` is
 * cleared when the person is erased.
 */
export interface HealthCheckInvitationsTable {
	id: string;
	health_check_id: string;
	user_id: string | null;
	team_id: string;
	service: string | null;
	used: Generated<number>;
}

/** An answer: the team and service only, the day only, never the person. */
export interface HealthCheckAnswersTable {
	id: string;
	health_check_id: string;
	team_id: string;
	service: string | null;
	answered_on: string;
	/** JSON: each scale question's id and its score, 1 (strongly disagree) to 5. */
	scores: string;
	comment: Generated<string>;
}

export interface CpdRemindersTable {
	user_id: string;
	/** The day the reminder starts, e.g. `2026-09-01`. */
	reminder_on: string;
	kind: 'first' | 'second';
	sent_at: string;
}

export interface SupervisionRecordsTable {
	id: string;
	practitioner_id: string;
	supervisor_id: string;
	held_on: string;
	agenda: string;
	discussion: string;
	decisions: string;
	/** The draft evidence the practitioner made from it, if they did. */
	evidence_id: string | null;
	/** A finalised audit of the practitioner's work discussed in it, if any. */
	audit_id: string | null;
	created_at: string;
}

/** Open until a later session marks it done or drops it. */
export type SupervisionActionStatus = 'open' | 'done' | 'dropped';

export interface SupervisionActionsTable {
	id: string;
	record_id: string;
	action: string;
	due_on: string;
	status: Generated<SupervisionActionStatus>;
}

/** What a session decided about an action still open from an earlier one. */
export type SupervisionActionOutcome = ActionOutcome;

export interface SupervisionActionUpdatesTable {
	record_id: string;
	action_id: string;
	outcome: SupervisionActionOutcome;
}

export interface AgreementsTable {
	enrolment_id: string;
	terms: string;
	created_by: string;
	created_at: string;
	practitioner_signed_at: string | null;
	supervisor_id: string | null;
	supervisor_signed_at: string | null;
	assessor_id: string | null;
	assessor_signed_at: string | null;
}

export interface ProtectedTimeTable {
	id: string;
	enrolment_id: string;
	taken_on: string;
	minutes: number;
	activity: string;
	created_at: string;
}

export interface AuditsTable {
	id: string;
	type: string;
	theme: string | null;
	/** A pseudonymous case code, never a name. */
	case_ref: string;
	practitioner_id: string;
	/** The practitioner's team when audited, so team figures keep their history. */
	team_id: string | null;
	manager_id: string | null;
	auditor_id: string;
	co_auditor_id: string | null;
	period_start: string;
	period_end: string;
	audited_on: string;
	status: 'draft' | 'finalised';
	grip: Generated<number>;
	grip_reason: Generated<string>;
	child_view: Generated<string>;
	parent_view: Generated<string>;
	/** Why the child's or the parent's view could not be obtained. */
	views_not_obtained: Generated<string>;
	worker_view: Generated<string>;
	manager_view: Generated<string>;
	overall_grade: string | null;
	/** `same-day` for Inadequate, `urgent-review` for Requires improvement. */
	escalation: 'same-day' | 'urgent-review' | null;
	response: string | null;
	response_by: string | null;
	response_at: string | null;
	receipt_by: string | null;
	receipt_at: string | null;
	management_directions: Generated<string>;
	moderator_id: string | null;
	moderated_overall_grade: string | null;
	moderation_comments: Generated<string>;
	moderated_by: string | null;
	moderated_at: string | null;
	anonymity_confirmed_at: string | null;
	finalised_at: string | null;
	created_by: string;
	created_at: string;
	updated_at: string;
}

export const voiceRelationships = ['child', 'parent-carer', 'worker'] as const;
export type VoiceRelationship = (typeof voiceRelationships)[number];

/** Someone asked by link for their view of an audited case, and their answer. */
export interface AuditVoicesTable {
	id: string;
	audit_id: string;
	relationship: VoiceRelationship;
	/** As the auditor gave it (optional); never shown to the audited worker. */
	name: Generated<string>;
	requested_by: string;
	requested_at: string;
	answered_at: string | null;
	/** 1 (bad) to 5 (very good). */
	rating: number | null;
	helped: Generated<string>;
	better: Generated<string>;
	anonymity_confirmed_at: string | null;
}

/** Where a view was asked for: kept only while the link can be used. */
export interface AuditVoiceContactsTable {
	voice_id: string;
	email: string;
	/** The link's expiry: the retention run deletes the row then. */
	expires_at: string;
}

export interface AuditGradesTable {
	audit_id: string;
	/** `audit` for the auditor's grades, `moderation` for the moderator's. */
	stage: 'audit' | 'moderation';
	area_id: string;
	grade: string;
	/** The grade after the cascade rule. */
	effective_grade: string;
	evidence: string;
}

export interface AuditFindingsTable {
	id: string;
	audit_id: string;
	kind: 'strength' | 'development';
	text: string;
	created_at: string;
}

export interface AuditFindingTagsTable {
	finding_id: string;
	/** `outcome` (a framework outcome id) or `standard` (a local standard ref). */
	kind: 'outcome' | 'standard';
	ref: string;
	framework_version: string | null;
}

export interface AuditActionsTable {
	id: string;
	audit_id: string;
	description: string;
	owner_id: string;
	due_on: string;
	status: 'open' | 'done' | 'signed-off';
	done_at: string | null;
	signed_off_by: string | null;
	signed_off_at: string | null;
	created_at: string;
	/** Its audit's status, audited day and team, kept by triggers (2026-12-10-05): never written. */
	audit_status: ColumnType<string | null, never, never>;
	audited_on: ColumnType<string | null, never, never>;
	audit_team_id: ColumnType<string | null, never, never>;
}

export type LearningNeedStatus = 'open' | 'submitted' | 'met';

export interface LearningNeedsTable {
	id: string;
	practitioner_id: string;
	audit_id: string | null;
	finding_id: string | null;
	description: string;
	/**
	 * `submitted` once a pathway that meets it is completed and its evidence waits for review;
	 * `met` when the supervisor accepts that evidence.
	 */
	status: LearningNeedStatus;
	/** The completed pathway progress whose evidence meets it (or, once accepted, met it). */
	met_by: string | null;
	met_at: string | null;
	created_at: string;
}

export interface LearningNeedOutcomesTable {
	need_id: string;
	framework_version: string;
	outcome_id: string;
}

export interface PathwayAssignmentsTable {
	id: string;
	pathway_id: string;
	scope: 'person' | 'team' | 'service';
	practitioner_id: string | null;
	team_id: string | null;
	need_id: string | null;
	due_on: string | null;
	assigned_by: string;
	assigned_at: string;
}

export interface PathwayProgressTable {
	id: string;
	assignment_id: string;
	practitioner_id: string;
	/** The step numbers done, as JSON: `[1, 2]`. */
	steps_done: string;
	reflection: Generated<string>;
	started_at: string;
	updated_at: string;
	completed_at: string | null;
	evidence_id: string | null;
}

export interface ApiTokensTable {
	id: string;
	user_id: string;
	name: string;
	/** SHA-256 of the token, hex: the token itself is shown once and never stored. */
	token_hash: string;
	created_at: string;
	last_used_at: string | null;
	revoked_at: string | null;
	/** What the token is for: the JSON API under `/api/v1`, or provisioning by SCIM. */
	scope: Generated<ApiTokenScope>;
}

export { apiTokenScopes };
export type ApiTokenScope = (typeof apiTokenScopes)[number];

/** What a SCIM client (Entra ID, Okta) said of a person that `users` has no column for. */
export interface ScimPeopleTable {
	user_id: string;
	/** The client's own id for them (`externalId`). */
	external_id: string | null;
	given_name: string | null;
	family_name: string | null;
}

/** The id of the database's file store; the store's marker file holds the same id. */
export interface FileStoreTable {
	name: 'files';
	id: string;
	created_at: string;
}

/**
 * A version of a set of figures, counted up by triggers whenever what they are made from changes
 * (2026-12-11-01): `audits`, the audit analysis. A bigint on PostgreSQL, read as a string there.
 */
export interface FigureVersionsTable {
	name: string;
	version: number | string;
}

/**
 * Kept counts waiting to be recounted at the commit of a transaction (2026-12-12-03): on
 * PostgreSQL only, and empty between transactions; SQLite recounts at once.
 */
export interface KeptRecountsPendingTable {
	txid: number | string;
	recount: string;
	a: string;
	b: string;
}

/** Who runs a piece of scheduled work, until when (`schedule/lease.ts`). */
export interface LeasesTable {
	name: string;
	holder: string;
	expires_at: string;
}

/** A PDF being made in the background, or made and waiting to be downloaded (`export/pdf-jobs.ts`). */
export interface PdfJobsTable {
	id: string;
	viewer_id: string;
	/** Which document: the same one asked for again finds this job. */
	document: string;
	title: string;
	href: string;
	back: string;
	filename: string;
	records: number;
	/** Where it has got, as JSON (`JobStage`). */
	stage: string;
	started_at: string;
	updated_at: string;
	finished_at: string | null;
	bytes: Buffer | null;
}

/** A portfolio brought from another authority by its owner (`export/import.ts`). */
export interface PortfolioImportsTable {
	id: string;
	user_id: string;
	file_name: string;
	file_sha256: string;
	/** The address of the service the portfolio was exported from. */
	origin: string;
	exported_at: string;
	imported_at: string;
	/** What the import did, as JSON (`export/import-summary.ts`). */
	summary: string;
}

/** A record made by an import, with its history where it came from, read-only. */
export interface ImportedEvidenceTable {
	evidence_id: string;
	import_id: string;
	/** Its id in the portfolio file. */
	original_id: string;
	/** Its status, review, comments and observation there, as JSON (`export/portfolio-schema.ts`). */
	history: string;
}

/** A sign-off made at another authority, kept as history only: it signs nothing off here. */
export interface ImportedSignoffsTable {
	id: string;
	import_id: string;
	/** The address of the service where it was made. */
	origin: string;
	sequence: number;
	framework_version: string;
	outcome_id: string;
	signed_at: string;
	/** The records it cited that came across, as a JSON array of their ids here. */
	evidence_ids: string;
	/** The entry as the portfolio file gave it, as JSON, hash and all (`export/portfolio-schema.ts`). */
	entry: string;
}

export interface Database {
	users: UsersTable;
	user_roles: UserRolesTable;
	teams: TeamsTable;
	supervisions: SupervisionsTable;
	imports: ImportsTable;
	handovers: HandoversTable;
	enrolments: EnrolmentsTable;
	sessions: SessionsTable;
	sso_identities: SsoIdentitiesTable;
	one_time_tokens: OneTimeTokensTable;
	outbox: OutboxTable;
	sign_in_failures: SignInFailuresTable;
	events: EventsTable;
	evidence: EvidenceTable;
	evidence_outcomes: EvidenceOutcomesTable;
	accepted_outcomes: AcceptedOutcomesTable;
	audit_area_months: AuditAreaMonthsTable;
	audit_moderation_months: AuditModerationMonthsTable;
	qa_latest: QaLatestTable;
	audit_grade_months: AuditGradeMonthsTable;
	audit_theme_months: AuditThemeMonthsTable;
	learning_need_months: LearningNeedMonthsTable;
	learning_need_outcome_months: LearningNeedOutcomeMonthsTable;
	cpd_year_rule: CpdYearRuleTable;
	cpd_years: CpdYearsTable;
	coverage_team_months: CoverageTeamMonthsTable;
	evidence_statements: EvidenceStatementsTable;
	evidence_standards: EvidenceStandardsTable;
	attachments: AttachmentsTable;
	self_assessments: SelfAssessmentsTable;
	self_assessment_ratings: SelfAssessmentRatingsTable;
	evidence_comments: EvidenceCommentsTable;
	signoffs: SignoffsTable;
	signoff_seal: SignoffSealTable;
	signoff_heads: SignoffHeadsTable;
	signoff_head_log: SignoffHeadLogTable;
	enrolment_extensions: EnrolmentExtensionsTable;
	enrolment_hours: EnrolmentHoursTable;
	enrolment_pauses: EnrolmentPausesTable;
	programme_reviews: ProgrammeReviewsTable;
	development_plans: DevelopmentPlansTable;
	review_reflections: ReviewReflectionsTable;
	observations: ObservationsTable;
	observation_invitations: ObservationInvitationsTable;
	review_reminders: ReviewRemindersTable;
	cpd_reminders: CpdRemindersTable;
	guest_links: GuestLinksTable;
	feedback_requests: FeedbackRequestsTable;
	feedback_contacts: FeedbackContactsTable;
	supervision_records: SupervisionRecordsTable;
	supervision_actions: SupervisionActionsTable;
	supervision_action_updates: SupervisionActionUpdatesTable;
	agreements: AgreementsTable;
	protected_time: ProtectedTimeTable;
	audits: AuditsTable;
	audit_grades: AuditGradesTable;
	audit_voices: AuditVoicesTable;
	audit_voice_contacts: AuditVoiceContactsTable;
	health_checks: HealthChecksTable;
	health_check_invitations: HealthCheckInvitationsTable;
	health_check_answers: HealthCheckAnswersTable;
	audit_findings: AuditFindingsTable;
	audit_finding_tags: AuditFindingTagsTable;
	audit_actions: AuditActionsTable;
	learning_needs: LearningNeedsTable;
	learning_need_outcomes: LearningNeedOutcomesTable;
	pathway_assignments: PathwayAssignmentsTable;
	pathway_progress: PathwayProgressTable;
	api_tokens: ApiTokensTable;
	scim_people: ScimPeopleTable;
	file_store: FileStoreTable;
	two_factor: TwoFactorTable;
	recovery_codes: RecoveryCodesTable;
	pending_sign_ins: PendingSignInsTable;
	authority_settings: AuthoritySettingsTable;
	portfolio_imports: PortfolioImportsTable;
	imported_evidence: ImportedEvidenceTable;
	imported_signoffs: ImportedSignoffsTable;
	leases: LeasesTable;
	figure_versions: FigureVersionsTable;
	kept_recounts_pending: KeptRecountsPendingTable;
	pdf_jobs: PdfJobsTable;
}

export type Evidence = Selectable<EvidenceTable>;

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Team = Selectable<TeamsTable>;
export type Supervision = Selectable<SupervisionsTable>;
export type Session = Selectable<SessionsTable>;
