import { PostgresAdapter, sql, type Kysely } from 'kysely';
// The recount of a team, the triggers on people and roles that call it, and a person's team, as
// the learning needs made them.
import {
	countEveryTeam,
	dropPostgresMemberTriggers,
	memberTriggerNames,
	postgresMemberTriggers,
	postgresTeamRecount,
	sqliteMemberTriggers,
	teamOf
} from './2026-12-10-02-learning-need-months';

// Speed at scale (issue 20): the coverage answer counted every team's outcomes with accepted
// evidence and current sign-offs on every request (908,000 kept pairs and the sign-off log at a
// national cohort, about 0.8 s on PostgreSQL). Here each team's practitioners with accepted
// evidence for an outcome, by the month of their latest accepted record, and with the outcome
// signed off, by the month of the sign-off that stands. As with the learning needs (2026-12-10-02)
// a person counts in their team today while an active practitioner, so whatever changes their
// accepted outcomes, their sign-offs, their team, active state or practitioner role recounts the
// team or teams concerned. Frozen once released.

/**
 * The inserts that count one team: `members` selects its people as `u` (a team's, or no team's
 * when its key is `''`), `team` is its key.
 */
const counts = (team: string, members: string) => `
	insert into coverage_team_months (team_key, framework_version, outcome_id, kind, month, n)
		select ${team}, a.framework_version, a.outcome_id, 'accepted', substr(a.latest_on, 1, 7),
			count(*)
		from users u inner join accepted_outcomes a on a.owner_id = u.id
		where ${members} and u.active = 1
			and exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'practitioner')
		group by a.framework_version, a.outcome_id, substr(a.latest_on, 1, 7);
	insert into coverage_team_months (team_key, framework_version, outcome_id, kind, month, n)
		select ${team}, s.framework_version, s.outcome_id, 'signed', substr(s.created_at, 1, 7),
			count(*)
		from users u inner join signoffs s on s.practitioner_id = u.id
		where ${members} and u.active = 1
			and exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'practitioner')
			and s.action = 'sign-off'
			and s.sequence = (select max(later.sequence) from signoffs later
				where later.practitioner_id = s.practitioner_id and later.outcome_id = s.outcome_id
					and later.framework_version = s.framework_version)
		group by s.framework_version, s.outcome_id, substr(s.created_at, 1, 7);`;

const cleared = (team: string) => `
	delete from coverage_team_months where team_key = ${team};`;

/** SQLite: one team recounted, its key an expression; none where there is no such person. */
const recount = (team: string) =>
	cleared(team) + counts(team, `${team} is not null and u.team_id is nullif(${team}, '')`);

/** Whether a person (SQL) has accepted evidence or a sign-off, the rows a team's counts are made of. */
const hasCoverage = (person: string) =>
	`(exists (select 1 from accepted_outcomes where owner_id = ${person})
		or exists (select 1 from signoffs where practitioner_id = ${person}))`;

const sqliteTriggers = [
	`create trigger coverage_team_months_accepted_insert after insert on accepted_outcomes
		begin ${recount(teamOf('new.owner_id'))} end`,
	`create trigger coverage_team_months_accepted_update
		after update of owner_id, framework_version, outcome_id, latest_on on accepted_outcomes
		begin ${recount(teamOf('old.owner_id'))} ${recount(teamOf('new.owner_id'))} end`,
	`create trigger coverage_team_months_accepted_delete after delete on accepted_outcomes
		begin ${recount(teamOf('old.owner_id'))} end`,
	`create trigger coverage_team_months_signoff_insert after insert on signoffs
		begin ${recount(teamOf('new.practitioner_id'))} end`,
	`create trigger coverage_team_months_signoff_update
		after update of practitioner_id, framework_version, outcome_id, action, sequence, created_at
		on signoffs
		begin ${recount(teamOf('old.practitioner_id'))} ${recount(teamOf('new.practitioner_id'))} end`,
	`create trigger coverage_team_months_signoff_delete after delete on signoffs
		begin ${recount(teamOf('old.practitioner_id'))} end`,
	...sqliteMemberTriggers('coverage_team_months', recount, hasCoverage)
];
const sqliteTriggerNames = [
	...['accepted', 'signoff'].flatMap((row) =>
		['insert', 'update', 'delete'].map((change) => `coverage_team_months_${row}_${change}`)
	),
	...memberTriggerNames('coverage_team_months')
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function postgresTriggers(db: Kysely<any>) {
	await postgresTeamRecount(db, 'coverage_team_months', cleared('t'), (members) =>
		counts('t', members)
	);
	await sql`create function coverage_team_months_accepted() returns trigger as $$
		begin
			if tg_op <> 'INSERT' then
				perform coverage_team_months_recount(learning_need_months_team_of(old.owner_id));
			end if;
			if tg_op <> 'DELETE' then
				perform coverage_team_months_recount(learning_need_months_team_of(new.owner_id));
			end if;
			return null;
		end $$ language plpgsql`.execute(db);
	await sql`create function coverage_team_months_signoff() returns trigger as $$
		begin
			if tg_op <> 'INSERT' then
				perform coverage_team_months_recount(learning_need_months_team_of(old.practitioner_id));
			end if;
			if tg_op <> 'DELETE' then
				perform coverage_team_months_recount(learning_need_months_team_of(new.practitioner_id));
			end if;
			return null;
		end $$ language plpgsql`.execute(db);
	await sql`create trigger coverage_team_months_accepted
		after insert or delete or update of owner_id, framework_version, outcome_id, latest_on
		on accepted_outcomes for each row execute function coverage_team_months_accepted()`.execute(db);
	await sql`create trigger coverage_team_months_signoff
		after insert or delete
			or update of practitioner_id, framework_version, outcome_id, action, sequence, created_at
		on signoffs for each row execute function coverage_team_months_signoff()`.execute(db);
	await postgresMemberTriggers(db, 'coverage_team_months', hasCoverage);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('coverage_team_months')
		.addColumn('team_key', 'text', (c) => c.notNull())
		.addColumn('framework_version', 'text', (c) => c.notNull())
		.addColumn('outcome_id', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('month', 'text', (c) => c.notNull())
		.addColumn('n', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('coverage_team_months_pk', [
			'framework_version',
			'kind',
			'team_key',
			'outcome_id',
			'month'
		])
		.execute();
	await countEveryTeam(db, counts);
	if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresTriggers(db);
	else for (const trigger of sqliteTriggers) await sql.raw(trigger).execute(db);
	await sql`analyze coverage_team_months`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		await dropPostgresMemberTriggers(db, 'coverage_team_months');
		await sql`drop trigger coverage_team_months_signoff on signoffs`.execute(db);
		await sql`drop trigger coverage_team_months_accepted on accepted_outcomes`.execute(db);
		for (const name of ['signoff', 'accepted', 'recount'])
			await sql.raw(`drop function coverage_team_months_${name}`).execute(db);
	} else {
		for (const name of sqliteTriggerNames) await sql.raw(`drop trigger ${name}`).execute(db);
	}
	await db.schema.dropTable('coverage_team_months').execute();
}
