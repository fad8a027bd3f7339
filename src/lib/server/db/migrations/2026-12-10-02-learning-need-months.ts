import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Speed at scale (issue 20): the workforce view's learning counted every learning need of every
// active practitioner twice on each request, by outcome and by team (152,000 needs at a national
// cohort, about 0.35 s each on PostgreSQL). Here each team's learning needs by the month they
// were raised and their status, and the same by outcome, kept by triggers. A need counts in its
// practitioner's team today, and only while they are an active practitioner: so whatever changes
// a need, its outcomes, a person's team or active state, or their practitioner role recounts the
// team or teams concerned (one team's needs: a few hundred rows). Frozen once released.

/**
 * The inserts that count one team's needs: `members` selects its people as `u` (a team's, or no
 * team's when its key is `''`), `team` is its key.
 */
const counts = (team: string, members: string) => `
	insert into learning_need_months (team_key, month, status, n)
		select ${team}, substr(ln.created_at, 1, 7), ln.status, count(*)
		from users u inner join learning_needs ln on ln.practitioner_id = u.id
		where ${members} and u.active = 1
			and exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'practitioner')
		group by substr(ln.created_at, 1, 7), ln.status;
	insert into learning_need_outcome_months
			(team_key, month, framework_version, outcome_id, status, n)
		select ${team}, substr(ln.created_at, 1, 7), lo.framework_version, lo.outcome_id, ln.status,
			count(*)
		from users u inner join learning_needs ln on ln.practitioner_id = u.id
			inner join learning_need_outcomes lo on lo.need_id = ln.id
		where ${members} and u.active = 1
			and exists (select 1 from user_roles r where r.user_id = u.id and r.role = 'practitioner')
		group by substr(ln.created_at, 1, 7), lo.framework_version, lo.outcome_id, ln.status;`;

const cleared = (team: string) => `
	delete from learning_need_months where team_key = ${team};
	delete from learning_need_outcome_months where team_key = ${team};`;

/**
 * SQLite: one team recounted, its key an expression (`IS` matches no team and uses the index);
 * none where there is no such person (null).
 */
const recount = (team: string) =>
	cleared(team) + counts(team, `${team} is not null and u.team_id is nullif(${team}, '')`);

/** SQLite: the team key of a person, of a need's practitioner. */
export const teamOf = (person: string) =>
	`(select coalesce(team_id, '') from users where id = ${person})`;
const teamOfNeed = (need: string) =>
	teamOf(`(select practitioner_id from learning_needs where id = ${need})`);

/** Whether a person (SQL) has learning needs, the rows a team's counts are made of. */
const hasNeeds = (person: string) =>
	`exists (select 1 from learning_needs where practitioner_id = ${person})`;

/**
 * SQLite: what recounts a team kept by its members today, for a table `name`: a person's team or
 * active state changing, or their practitioner role given or taken away, where they have rows
 * that count (`counted`, SQL of a person): someone new from HR moves nothing. Also for coverage
 * by team (2026-12-10-04).
 */
export const sqliteMemberTriggers = (
	name: string,
	recount: (team: string) => string,
	counted: (person: string) => string
) => [
	`create trigger ${name}_user_update after update of team_id, active on users
		when (old.team_id is not new.team_id or old.active is not new.active) and ${counted('new.id')}
		begin ${recount("coalesce(old.team_id, '')")} ${recount("coalesce(new.team_id, '')")} end`,
	`create trigger ${name}_user_delete after delete on users
		begin ${recount("coalesce(old.team_id, '')")} end`,
	`create trigger ${name}_role_insert after insert on user_roles
		when new.role = 'practitioner' and ${counted('new.user_id')}
		begin ${recount(teamOf('new.user_id'))} end`,
	`create trigger ${name}_role_delete after delete on user_roles
		when old.role = 'practitioner' and ${counted('old.user_id')}
		begin ${recount(teamOf('old.user_id'))} end`
];
export const memberTriggerNames = (name: string) =>
	['user_update', 'user_delete', 'role_insert', 'role_delete'].map((t) => `${name}_${t}`);

const sqliteTriggers = [
	`create trigger learning_need_months_need_insert after insert on learning_needs
		begin ${recount(teamOf('new.practitioner_id'))} end`,
	`create trigger learning_need_months_need_update
		after update of practitioner_id, status, created_at on learning_needs
		begin ${recount(teamOf('old.practitioner_id'))} ${recount(teamOf('new.practitioner_id'))} end`,
	`create trigger learning_need_months_need_delete after delete on learning_needs
		begin ${recount(teamOf('old.practitioner_id'))} end`,
	`create trigger learning_need_months_outcome_insert after insert on learning_need_outcomes
		begin ${recount(teamOfNeed('new.need_id'))} end`,
	`create trigger learning_need_months_outcome_update
		after update of need_id, framework_version, outcome_id on learning_need_outcomes
		begin ${recount(teamOfNeed('old.need_id'))} ${recount(teamOfNeed('new.need_id'))} end`,
	`create trigger learning_need_months_outcome_delete after delete on learning_need_outcomes
		begin ${recount(teamOfNeed('old.need_id'))} end`,
	...sqliteMemberTriggers('learning_need_months', recount, hasNeeds)
];
const sqliteTriggerNames = [
	...['need', 'outcome'].flatMap((row) =>
		['insert', 'update', 'delete'].map((change) => `learning_need_months_${row}_${change}`)
	),
	...memberTriggerNames('learning_need_months')
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function postgresTriggers(db: Kysely<any>) {
	await postgresTeamRecount(db, 'learning_need_months', cleared('t'), (members) =>
		counts('t', members)
	);
	await sql`create function learning_need_months_team_of(person text) returns text as $$
		select coalesce(team_id, '') from users where id = person
		$$ language sql stable`.execute(db);
	await sql`create function learning_need_months_need() returns trigger as $$
		begin
			if tg_op <> 'INSERT' then
				perform learning_need_months_recount(learning_need_months_team_of(old.practitioner_id));
			end if;
			if tg_op <> 'DELETE' then
				perform learning_need_months_recount(learning_need_months_team_of(new.practitioner_id));
			end if;
			return null;
		end $$ language plpgsql`.execute(db);
	await sql`create function learning_need_months_outcome() returns trigger as $$
		begin
			if tg_op <> 'INSERT' then
				perform learning_need_months_recount(learning_need_months_team_of(
					(select practitioner_id from learning_needs where id = old.need_id)));
			end if;
			if tg_op <> 'DELETE' then
				perform learning_need_months_recount(learning_need_months_team_of(
					(select practitioner_id from learning_needs where id = new.need_id)));
			end if;
			return null;
		end $$ language plpgsql`.execute(db);
	await sql`create trigger learning_need_months_need
		after insert or delete or update of practitioner_id, status, created_at
		on learning_needs for each row execute function learning_need_months_need()`.execute(db);
	await sql`create trigger learning_need_months_outcome
		after insert or delete or update of need_id, framework_version, outcome_id
		on learning_need_outcomes for each row execute function learning_need_months_outcome()`.execute(db);
	await postgresMemberTriggers(db, 'learning_need_months', hasNeeds);
}

/**
 * Every team counted at once, for a backfill: `counts(team, members)` with each person's team as
 * the key and everyone as members, grouped by team too.
 */
export async function countEveryTeam(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	db: Kysely<any>,
	counts: (team: string, members: string) => string
) {
	const everyTeam = counts("coalesce(u.team_id, '')", '1 = 1').replaceAll(
		'group by ',
		"group by coalesce(u.team_id, ''), "
	);
	for (const statement of everyTeam.split(';').filter((s) => s.trim()))
		await sql.raw(statement).execute(db);
}

/**
 * PostgreSQL: `${name}_recount(t)`, one team recounted one transaction at a time (the lock is held
 * until commit): `cleared` its rows deleted, `counts(members)` them counted again. No team and a
 * team are asked apart, so that a team's members come from the index on users' teams.
 */
export async function postgresTeamRecount(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	db: Kysely<any>,
	name: string,
	cleared: string,
	counts: (members: string) => string
) {
	await sql`create function ${sql.raw(name)}_recount(t text) returns void as $$
		begin
			if t is null then return; end if;
			perform pg_advisory_xact_lock(hashtext(${sql.lit(name + ' ')} || t));
			${sql.raw(cleared)}
			if t = '' then ${sql.raw(counts('u.team_id is null'))}
			else ${sql.raw(counts('u.team_id = t'))}
			end if;
		end $$ language plpgsql`.execute(db);
}

/**
 * PostgreSQL: what recounts a team kept by its members today (`${name}_recount(team)`): a
 * person's team or active state changing, or their practitioner role, where they have rows that
 * count (`counted`). Both teams of a move are
 * recounted in one order, whichever way the move goes, so that two moves at once wait for each
 * other rather than deadlock. Also for coverage by team (2026-12-10-04).
 */
export async function postgresMemberTriggers(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	db: Kysely<any>,
	name: string,
	counted: (person: string) => string
) {
	const recount = sql.raw(`${name}_recount`);
	await sql`create function ${sql.raw(name)}_user() returns trigger as $$
		begin
			if tg_op = 'DELETE' then
				perform ${recount}(coalesce(old.team_id, ''));
			elsif (old.team_id is distinct from new.team_id or old.active is distinct from new.active)
				and ${sql.raw(counted('new.id'))} then
				perform ${recount}(least(coalesce(old.team_id, ''), coalesce(new.team_id, '')));
				perform ${recount}(greatest(coalesce(old.team_id, ''), coalesce(new.team_id, '')));
			end if;
			return null;
		end $$ language plpgsql`.execute(db);
	await sql`create function ${sql.raw(name)}_role() returns trigger as $$
		begin
			if tg_op = 'DELETE' and old.role = 'practitioner' and ${sql.raw(counted('old.user_id'))} then
				perform ${recount}(learning_need_months_team_of(old.user_id));
			elsif tg_op = 'INSERT' and new.role = 'practitioner' and ${sql.raw(counted('new.user_id'))} then
				perform ${recount}(learning_need_months_team_of(new.user_id));
			end if;
			return null;
		end $$ language plpgsql`.execute(db);
	await sql`create trigger ${sql.raw(name)}_user after delete or update of team_id, active
		on users for each row execute function ${sql.raw(name)}_user()`.execute(db);
	await sql`create trigger ${sql.raw(name)}_role after insert or delete
		on user_roles for each row execute function ${sql.raw(name)}_role()`.execute(db);
}

/** PostgreSQL: the member triggers and their functions dropped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function dropPostgresMemberTriggers(db: Kysely<any>, name: string) {
	await sql.raw(`drop trigger ${name}_role on user_roles`).execute(db);
	await sql.raw(`drop trigger ${name}_user on users`).execute(db);
	for (const f of ['role', 'user']) await sql.raw(`drop function ${name}_${f}`).execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('learning_need_months')
		.addColumn('team_key', 'text', (c) => c.notNull())
		.addColumn('month', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('n', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('learning_need_months_pk', ['team_key', 'month', 'status'])
		.execute();
	await db.schema
		.createTable('learning_need_outcome_months')
		.addColumn('team_key', 'text', (c) => c.notNull())
		.addColumn('month', 'text', (c) => c.notNull())
		.addColumn('framework_version', 'text', (c) => c.notNull())
		.addColumn('outcome_id', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('n', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('learning_need_outcome_months_pk', [
			'team_key',
			'month',
			'framework_version',
			'outcome_id',
			'status'
		])
		.execute();
	await countEveryTeam(db, counts);
	if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresTriggers(db);
	else for (const trigger of sqliteTriggers) await sql.raw(trigger).execute(db);
	await sql`analyze learning_need_months`.execute(db);
	await sql`analyze learning_need_outcome_months`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		await dropPostgresMemberTriggers(db, 'learning_need_months');
		await sql`drop trigger learning_need_months_outcome on learning_need_outcomes`.execute(db);
		await sql`drop trigger learning_need_months_need on learning_needs`.execute(db);
		for (const name of ['outcome', 'need', 'team_of', 'recount'])
			await sql.raw(`drop function learning_need_months_${name}`).execute(db);
	} else {
		for (const name of sqliteTriggerNames) await sql.raw(`drop trigger ${name}`).execute(db);
	}
	await db.schema.dropTable('learning_need_outcome_months').execute();
	await db.schema.dropTable('learning_need_months').execute();
}
