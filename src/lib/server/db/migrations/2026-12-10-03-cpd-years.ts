import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Speed at scale (issue 20): the workforce view's CPD read each practitioner's CPD records of the
// registration year on every request (728,000 at a national cohort, about 0.5 s on PostgreSQL).
// Here each person's CPD in each registration year (records once submitted, those reflected on
// with a peer, minutes), kept by triggers on evidence. The year starts on a day the CPD rule
// names (content, `registrationYearStarts`), which the triggers read from `cpd_year_rule`: the
// server writes the rule's day there as it starts, and a changed day recounts every year
// (`cpd/kept-years.ts`). The workforce view reads these only while the day kept is the rule's.
// Frozen once released.

/** The first day of the registration year a date (`yyyy-mm-dd`) falls in, as SQL. */
const yearOf = (date: string) => `(select case when substr(${date}, 6, 5) >= starts
		then substr(${date}, 1, 4) else cast(cast(substr(${date}, 1, 4) as integer) - 1 as text) end
		|| '-' || starts from cpd_year_rule)`;

/** The day a year later than a year's first day (an expression), as SQL. */
const nextYear = (start: string) =>
	`cast(cast(substr(${start}, 1, 4) as integer) + 1 as text) || substr(${start}, 5)`;

/** CPD records (once submitted) counted by owner and year (`year`, an expression), where `where`. */
const counted = (year: string, where: string) => `
	select e.owner_id, ${year}, count(*),
		sum(case when e.peer_reflected = 1 then 1 else 0 end), coalesce(sum(e.cpd_minutes), 0)
	from evidence e
	where e.cpd_type is not null and e.status <> 'draft' and e.activity_date is not null and ${where}
	group by 1, 2`;

/** Every person's every year, from the records: the backfill, and a changed day. */
const recountAll = `
	delete from cpd_years;
	insert into cpd_years (user_id, year_start, records, peer_reflected, minutes)
		${counted(yearOf('e.activity_date'), '1 = 1')};`;

/** One person's (an expression) year in which a date falls (an expression). */
const recount = (owner: string, date: string) => `
	delete from cpd_years where user_id = ${owner} and year_start = ${yearOf(date)};
	insert into cpd_years (user_id, year_start, records, peer_reflected, minutes)
		${counted(
			yearOf(date),
			`e.owner_id = ${owner} and e.activity_date >= ${yearOf(date)}
				and e.activity_date < ${nextYear(yearOf(date))}`
		)};`;

/** A record that is or was a CPD record moves a count; a draft's date counts nowhere. */
const isCpd = (row: 'old' | 'new') =>
	`${row}.cpd_type is not null and ${row}.activity_date is not null`;

const sqliteTriggers = [
	`create trigger cpd_years_insert after insert on evidence when ${isCpd('new')}
		begin ${recount('new.owner_id', 'new.activity_date')} end`,
	`create trigger cpd_years_update
		after update of owner_id, activity_date, status, cpd_type, peer_reflected, cpd_minutes on evidence
		when (${isCpd('old')}) or (${isCpd('new')})
		begin
			${recount('old.owner_id', 'old.activity_date')}
			${recount('new.owner_id', 'new.activity_date')}
		end`,
	`create trigger cpd_years_delete after delete on evidence when ${isCpd('old')}
		begin ${recount('old.owner_id', 'old.activity_date')} end`,
	`create trigger cpd_years_rule after update of starts on cpd_year_rule
		begin ${recountAll} end`
];
const sqliteTriggerNames = ['insert', 'update', 'delete', 'rule'].map((t) => `cpd_years_${t}`);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function postgresTriggers(db: Kysely<any>) {
	// One person recounted one transaction at a time (the lock is held until commit).
	await sql`create function cpd_years_recount(o text, d text) returns void as $$
		begin
			if o is null or d is null then return; end if;
			perform pg_advisory_xact_lock(hashtext('cpd_years ' || o));
			${sql.raw(recount('o', 'd'))}
		end $$ language plpgsql`.execute(db);
	await sql`create function cpd_years_evidence() returns trigger as $$
		begin
			if tg_op <> 'INSERT' and old.cpd_type is not null then
				perform cpd_years_recount(old.owner_id, old.activity_date);
			end if;
			if tg_op <> 'DELETE' and new.cpd_type is not null then
				perform cpd_years_recount(new.owner_id, new.activity_date);
			end if;
			return null;
		end $$ language plpgsql`.execute(db);
	await sql`create function cpd_years_rule() returns trigger as $$
		begin
			perform pg_advisory_xact_lock(hashtext('cpd_years rule'));
			${sql.raw(recountAll)}
			return null;
		end $$ language plpgsql`.execute(db);
	await sql`create trigger cpd_years_evidence
		after insert or delete
			or update of owner_id, activity_date, status, cpd_type, peer_reflected, cpd_minutes
		on evidence for each row execute function cpd_years_evidence()`.execute(db);
	await sql`create trigger cpd_years_rule after update of starts on cpd_year_rule
		for each row execute function cpd_years_rule()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('cpd_year_rule')
		.addColumn('starts', 'text', (c) => c.notNull())
		.execute();
	// Social Work England's year, as content/cpd/social-work-england.md has it; the server puts
	// the rule's own day here as it starts.
	await sql`insert into cpd_year_rule (starts) values ('12-01')`.execute(db);
	await db.schema
		.createTable('cpd_years')
		.addColumn('user_id', 'text', (c) => c.notNull())
		.addColumn('year_start', 'text', (c) => c.notNull())
		.addColumn('records', 'integer', (c) => c.notNull())
		.addColumn('peer_reflected', 'integer', (c) => c.notNull())
		.addColumn('minutes', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('cpd_years_pk', ['year_start', 'user_id'])
		.execute();
	for (const statement of recountAll.split(';').filter((s) => s.trim()))
		await sql.raw(statement).execute(db);
	if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresTriggers(db);
	else for (const trigger of sqliteTriggers) await sql.raw(trigger).execute(db);
	await sql`analyze cpd_years`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		await sql`drop trigger cpd_years_rule on cpd_year_rule`.execute(db);
		await sql`drop trigger cpd_years_evidence on evidence`.execute(db);
		for (const name of ['rule', 'evidence', 'recount'])
			await sql.raw(`drop function cpd_years_${name}`).execute(db);
	} else {
		for (const name of sqliteTriggerNames) await sql.raw(`drop trigger ${name}`).execute(db);
	}
	await db.schema.dropTable('cpd_years').execute();
	await db.schema.dropTable('cpd_year_rule').execute();
}
