import { PostgresAdapter, sql, type Kysely } from 'kysely';
// The area grades' recount, as it was, for the triggers made again.
import { recount as areaRecount } from './2026-12-06-10-audit-area-months';

// Speed at scale (issue 20): the audit analysis's moderation table compared every moderated
// audit's two grades of each practice area on every request (213,000 pairs a year at a national
// cohort, 0.7 s on PostgreSQL). Here each month's and team's count, by practice area, of moderated
// audits and of those whose area grade moderation changed, kept by the same triggers as the area
// grades (2026-12-06-10): whatever moves an area grade's count recounts this too. Frozen once
// released.

/**
 * The rows of one month (`2026-11`) and team (`''` for none), counted from the audits. No alias
 * is `m` or `t`: in PostgreSQL these are the recount function's month and team.
 */
const recount = (month: string, team: string) => `
	delete from audit_moderation_months where month = ${month} and team_key = ${team};
	insert into audit_moderation_months (month, team_key, area_id, moderated, changed)
		select substr(a.audited_on, 1, 7), coalesce(a.team_id, ''), mo.area_id, count(*),
			sum(case when mo.effective_grade <> og.effective_grade then 1 else 0 end)
		from audits a
			inner join audit_grades mo on mo.audit_id = a.id and mo.stage = 'moderation'
			inner join audit_grades og on og.audit_id = a.id and og.stage = 'audit'
				and og.area_id = mo.area_id
		where a.status = 'finalised' and a.moderated_at is not null
			and a.audited_on >= ${month} || '-01' and a.audited_on <= ${month} || '-31'
			and coalesce(a.team_id, '') = ${team}
		group by substr(a.audited_on, 1, 7), coalesce(a.team_id, ''), mo.area_id;`;

/** Both recounts, with (`moderation`) or without this one. */
const both = (month: string, team: string, moderation: boolean) =>
	areaRecount(month, team) + (moderation ? recount(month, team) : '');

/** SQLite: the month and team of an audit row, or of a grade row's audit. */
const ofAudit = (row: 'old' | 'new', moderation: boolean) =>
	both(`substr(${row}.audited_on, 1, 7)`, `coalesce(${row}.team_id, '')`, moderation);
const ofGrade = (row: 'old' | 'new', moderation: boolean) =>
	both(
		`(select substr(audited_on, 1, 7) from audits where id = ${row}.audit_id)`,
		`(select coalesce(team_id, '') from audits where id = ${row}.audit_id)`,
		moderation
	);
const finalised = (row: 'old' | 'new') =>
	`(select status from audits where id = ${row}.audit_id) = 'finalised'`;

/** SQLite's six triggers of 2026-12-06-10, each recounting this table too where `moderation`. */
const sqliteTriggers = (moderation: boolean) => [
	`create trigger audit_area_months_audit_insert after insert on audits
		begin ${ofAudit('new', moderation)} end`,
	`create trigger audit_area_months_audit_update
		after update of status, moderated_at, audited_on, team_id on audits
		begin ${ofAudit('old', moderation)} ${ofAudit('new', moderation)} end`,
	`create trigger audit_area_months_audit_delete after delete on audits
		begin ${ofAudit('old', moderation)} end`,
	`create trigger audit_area_months_grade_insert after insert on audit_grades
		when ${finalised('new')} begin ${ofGrade('new', moderation)} end`,
	`create trigger audit_area_months_grade_update
		after update of audit_id, stage, area_id, effective_grade on audit_grades
		when ${finalised('old')} or ${finalised('new')}
		begin ${ofGrade('old', moderation)} ${ofGrade('new', moderation)} end`,
	`create trigger audit_area_months_grade_delete after delete on audit_grades
		when ${finalised('old')} begin ${ofGrade('old', moderation)} end`
];
const triggerNames = ['audit', 'grade'].flatMap((row) =>
	['insert', 'update', 'delete'].map((change) => `audit_area_months_${row}_${change}`)
);

/** PostgreSQL: the one function every trigger of 2026-12-06-10 calls, recounting both or one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const postgresRecount = (db: Kysely<any>, moderation: boolean) =>
	sql`create or replace function audit_area_months_recount(m text, t text) returns void as $$
		begin
			if m is null or t is null then return; end if;
			perform pg_advisory_xact_lock(hashtext('audit_area_months ' || m || ' ' || t));
			${sql.raw(both('m', 't', moderation))}
		end $$ language plpgsql`.execute(db);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('audit_moderation_months')
		.addColumn('month', 'text', (c) => c.notNull())
		.addColumn('team_key', 'text', (c) => c.notNull())
		.addColumn('area_id', 'text', (c) => c.notNull())
		.addColumn('moderated', 'integer', (c) => c.notNull())
		.addColumn('changed', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('audit_moderation_months_pk', ['month', 'team_key', 'area_id'])
		.execute();
	await sql`insert into audit_moderation_months (month, team_key, area_id, moderated, changed)
		select substr(a.audited_on, 1, 7), coalesce(a.team_id, ''), m.area_id, count(*),
			sum(case when m.effective_grade <> g.effective_grade then 1 else 0 end)
		from audits a
			inner join audit_grades m on m.audit_id = a.id and m.stage = 'moderation'
			inner join audit_grades g on g.audit_id = a.id and g.stage = 'audit' and g.area_id = m.area_id
		where a.status = 'finalised' and a.moderated_at is not null and a.audited_on is not null
		group by substr(a.audited_on, 1, 7), coalesce(a.team_id, ''), m.area_id`.execute(db);
	if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresRecount(db, true);
	else await replaceSqliteTriggers(db, true);
	await sql`analyze audit_moderation_months`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function replaceSqliteTriggers(db: Kysely<any>, moderation: boolean) {
	for (const name of triggerNames) await sql.raw(`drop trigger ${name}`).execute(db);
	for (const trigger of sqliteTriggers(moderation)) await sql.raw(trigger).execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresRecount(db, false);
	else await replaceSqliteTriggers(db, false);
	await db.schema.dropTable('audit_moderation_months').execute();
}
