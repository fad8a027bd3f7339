import type { Insertable, Selectable, Updateable } from 'kysely';

// Times are ISO 8601 text in UTC (`2026-11-25T15:04:05.000Z`) and dates are `2026-11-25`, so
// that the same queries sort and compare alike on SQLite and PostgreSQL. Flags are 0 or 1.

export const roles = ['practitioner', 'supervisor', 'auditor', 'psw', 'admin'] as const;
export type Role = (typeof roles)[number];

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
}

export interface SupervisionsTable {
	id: string;
	supervisor_id: string;
	supervisee_id: string;
	starts_on: string;
	ends_on: string | null;
	created_by: string | null;
	created_at: string;
}

export interface EnrolmentsTable {
	id: string;
	user_id: string;
	programme: string;
	starts_on: string;
	created_at: string;
}

export interface SessionsTable {
	/** SHA-256 of the session token, hex: the token itself is never stored. */
	id: string;
	user_id: string;
	created_at: string;
	last_seen_at: string;
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

export interface SignInFailuresTable {
	id: string;
	email: string;
	address: string;
	at: string;
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

export interface Database {
	users: UsersTable;
	user_roles: UserRolesTable;
	teams: TeamsTable;
	supervisions: SupervisionsTable;
	enrolments: EnrolmentsTable;
	sessions: SessionsTable;
	one_time_tokens: OneTimeTokensTable;
	outbox: OutboxTable;
	sign_in_failures: SignInFailuresTable;
	events: EventsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Team = Selectable<TeamsTable>;
export type Supervision = Selectable<SupervisionsTable>;
export type Session = Selectable<SessionsTable>;
