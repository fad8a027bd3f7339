import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Speed at scale (issue 20): the audit analysis grouped a year of area grades (90,000 at 5,000
// practitioners) on every request. Here each month's and team's count of each practice area's
// standing grades in finalised audits (the moderated grade where the audit was moderated), kept
// right by triggers on audits and audit_grades whatever writes them: a change recounts that one
// month and team from the audits themselves. And an index for the escalated audits still
// waiting for a response. Frozen once released.

/** The rows of one month (`2026-11`) and team (`''` for none), counted from the audits. */
export const recount = (month: string, team: string) => `
	delete from audit_area_months where month = ${month} and team_key = ${team};
	insert into audit_area_months (month, team_key, area_id, grade, n)
		select substr(a.audited_on, 1, 7), coalesce(a.team_id, ''), g.area_id, g.effective_grade, count(*)
		from audits a inner join audit_grades g on g.audit_id = a.id
		where a.status = 'finalised' and a.audited_on >= ${month} || '-01'
			and a.audited_on <= ${month} || '-31' and coalesce(a.team_id, '') = ${team}
			and g.stage = case when a.moderated_at is null then 'audit' else 'moderation' end
			and g.effective_grade <> 'not-applicable'
		group by substr(a.audited_on, 1, 7), coalesce(a.team_id, ''), g.area_id, g.effective_grade;`;

/** SQLite: the month and team of an audit row, or of a grade row's audit. */
const ofAudit = (row: 'old' | 'new') =>
	recount(`substr(${row}.audited_on, 1, 7)`, `coalesce(${row}.team_id, '')`);
const ofGrade = (row: 'old' | 'new') =>
	recount(
		`(select substr(audited_on, 1, 7) from audits where id = ${row}.audit_id)`,
		`(select coalesce(team_id, '') from audits where id = ${row}.audit_id)`
	);
/** Grades of an audit that is not finalised count nowhere: no need to recount. */
const finalised = (row: 'old' | 'new') =>
	`(select status from audits where id = ${row}.audit_id) = 'finalised'`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('audit_area_months')
		.addColumn('month', 'text', (c) => c.notNull())
		.addColumn('team_key', 'text', (c) => c.notNull())
		.addColumn('area_id', 'text', (c) => c.notNull())
		.addColumn('grade', 'text', (c) => c.notNull())
		.addColumn('n', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('audit_area_months_pk', ['month', 'team_key', 'area_id', 'grade'])
		.execute();
	// In the order the analysis groups by, with the count: read from the index alone, in order.
	await db.schema
		.createIndex('audit_area_months_cover')
		.on('audit_area_months')
		.columns(['month', 'area_id', 'grade', 'team_key', 'n'])
		.execute();
	await sql`insert into audit_area_months (month, team_key, area_id, grade, n)
		select substr(a.audited_on, 1, 7), coalesce(a.team_id, ''), g.area_id, g.effective_grade, count(*)
		from audits a inner join audit_grades g on g.audit_id = a.id
		where a.status = 'finalised' and a.audited_on is not null
			and g.stage = case when a.moderated_at is null then 'audit' else 'moderation' end
			and g.effective_grade <> 'not-applicable'
		group by substr(a.audited_on, 1, 7), coalesce(a.team_id, ''), g.area_id, g.effective_grade`.execute(
		db
	);
	if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresTriggers(db);
	else await sqliteTriggers(db);
	// The escalated audits still waiting for a response, without reading a year of audits.
	await db.schema
		.createIndex('audits_awaiting')
		.on('audits')
		.columns(['status', 'response_at', 'escalation', 'audited_on'])
		.execute();
	await sql`analyze audit_area_months`.execute(db);
	await sql`analyze audits`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function sqliteTriggers(db: Kysely<any>) {
	const triggers = [
		`create trigger audit_area_months_audit_insert after insert on audits
			begin ${ofAudit('new')} end`,
		`create trigger audit_area_months_audit_update
			after update of status, moderated_at, audited_on, team_id on audits
			begin ${ofAudit('old')} ${ofAudit('new')} end`,
		`create trigger audit_area_months_audit_delete after delete on audits
			begin ${ofAudit('old')} end`,
		`create trigger audit_area_months_grade_insert after insert on audit_grades
			when ${finalised('new')} begin ${ofGrade('new')} end`,
		`create trigger audit_area_months_grade_update
			after update of audit_id, stage, area_id, effective_grade on audit_grades
			when ${finalised('old')} or ${finalised('new')}
			begin ${ofGrade('old')} ${ofGrade('new')} end`,
		`create trigger audit_area_months_grade_delete after delete on audit_grades
			when ${finalised('old')} begin ${ofGrade('old')} end`
	];
	for (const trigger of triggers) await sql.raw(trigger).execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function postgresTriggers(db: Kysely<any>) {
	// One month and team recounted one transaction at a time (the lock is held until commit), so
	// two audits finalised at once cannot leave a count from before the other.
	await sql`create function audit_area_months_recount(m text, t text) returns void as $$
		begin
			if m is null or t is null then return; end if;
			perform pg_advisory_xact_lock(hashtext('audit_area_months ' || m || ' ' || t));
			${sql.raw(recount('m', 't'))}
		end $$ language plpgsql`.execute(db);
	await sql`create function audit_area_months_audit() returns trigger as $$
		begin
			if tg_op <> 'INSERT' then
				perform audit_area_months_recount(substr(old.audited_on, 1, 7), coalesce(old.team_id, ''));
			end if;
			if tg_op <> 'DELETE' then
				perform audit_area_months_recount(substr(new.audited_on, 1, 7), coalesce(new.team_id, ''));
			end if;
			return null;
		end $$ language plpgsql`.execute(db);
	await sql`create function audit_area_months_grade() returns trigger as $$
		declare m text; t text;
		begin
			if tg_op <> 'INSERT' then
				select substr(audited_on, 1, 7), coalesce(team_id, '') into m, t
					from audits where id = old.audit_id and status = 'finalised';
				perform audit_area_months_recount(m, t);
			end if;
			if tg_op <> 'DELETE' then
				select substr(audited_on, 1, 7), coalesce(team_id, '') into m, t
					from audits where id = new.audit_id and status = 'finalised';
				perform audit_area_months_recount(m, t);
			end if;
			return null;
		end $$ language plpgsql`.execute(db);
	await sql`create trigger audit_area_months_audit
		after insert or delete or update of status, moderated_at, audited_on, team_id
		on audits for each row execute function audit_area_months_audit()`.execute(db);
	await sql`create trigger audit_area_months_grade
		after insert or delete or update of audit_id, stage, area_id, effective_grade
		on audit_grades for each row execute function audit_area_months_grade()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('audits_awaiting').execute();
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		await sql`drop trigger audit_area_months_grade on audit_grades`.execute(db);
		await sql`drop trigger audit_area_months_audit on audits`.execute(db);
		for (const name of ['grade', 'audit', 'recount'])
			await sql.raw(`drop function audit_area_months_${name}`).execute(db);
	} else {
		for (const name of ['audit', 'grade'])
			for (const change of ['insert', 'update', 'delete'])
				await sql.raw(`drop trigger audit_area_months_${name}_${change}`).execute(db);
	}
	await db.schema.dropTable('audit_area_months').execute();
}
