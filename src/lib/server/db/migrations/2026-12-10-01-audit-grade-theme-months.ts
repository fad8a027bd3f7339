import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Speed at scale (issue 20): the audit analysis grouped every finalised audit of the period by
// overall grade three times (by month, by quarter, by team) and the recurring themes joined two
// quarters' development findings to their tags, on every request (0.1 to 0.25 s each at a
// national cohort on PostgreSQL). Here each month's and team's finalised audits by overall grade
// (the moderated grade where there is one), and the outcomes and standards tagged in their
// development findings, kept by triggers on audits, audit_findings and audit_finding_tags: a
// change recounts that one month and team from the audits, as the area grades are (2026-12-06-10).
// And two indexes: the escalated audits still waiting for a response, from the index alone (the
// planner would not use 2026-12-06-10's: it guessed four times the rows); and each audit's actions
// by status, so that a quarter's actions are counted from the index alone. Frozen once released.

/**
 * The rows of one month (`2026-11`) and team (`''` for none), counted from the audits. No alias
 * is `m` or `t`: in PostgreSQL these are the recount function's month and team.
 */
const recount = (month: string, team: string) => `
	delete from audit_grade_months where month = ${month} and team_key = ${team};
	insert into audit_grade_months (month, team_key, grade, n)
		select substr(a.audited_on, 1, 7), coalesce(a.team_id, ''),
			coalesce(a.moderated_overall_grade, a.overall_grade, ''), count(*)
		from audits a
		where a.status = 'finalised' and a.audited_on >= ${month} || '-01'
			and a.audited_on <= ${month} || '-31' and coalesce(a.team_id, '') = ${team}
		group by substr(a.audited_on, 1, 7), coalesce(a.team_id, ''),
			coalesce(a.moderated_overall_grade, a.overall_grade, '');
	delete from audit_theme_months where month = ${month} and team_key = ${team};
	insert into audit_theme_months (month, team_key, kind, ref, n)
		select substr(a.audited_on, 1, 7), coalesce(a.team_id, ''), tg.kind, tg.ref, count(*)
		from audits a
			inner join audit_findings f on f.audit_id = a.id and f.kind = 'development'
			inner join audit_finding_tags tg on tg.finding_id = f.id
		where a.status = 'finalised' and a.audited_on >= ${month} || '-01'
			and a.audited_on <= ${month} || '-31' and coalesce(a.team_id, '') = ${team}
		group by substr(a.audited_on, 1, 7), coalesce(a.team_id, ''), tg.kind, tg.ref;`;

/** Every month and team at once, for the backfill. */
const backfill = [
	`insert into audit_grade_months (month, team_key, grade, n)
		select substr(a.audited_on, 1, 7), coalesce(a.team_id, ''),
			coalesce(a.moderated_overall_grade, a.overall_grade, ''), count(*)
		from audits a where a.status = 'finalised' and a.audited_on is not null
		group by substr(a.audited_on, 1, 7), coalesce(a.team_id, ''),
			coalesce(a.moderated_overall_grade, a.overall_grade, '')`,
	`insert into audit_theme_months (month, team_key, kind, ref, n)
		select substr(a.audited_on, 1, 7), coalesce(a.team_id, ''), tg.kind, tg.ref, count(*)
		from audits a
			inner join audit_findings f on f.audit_id = a.id and f.kind = 'development'
			inner join audit_finding_tags tg on tg.finding_id = f.id
		where a.status = 'finalised' and a.audited_on is not null
		group by substr(a.audited_on, 1, 7), coalesce(a.team_id, ''), tg.kind, tg.ref`
];

/** SQLite: the month and team of an audit row, of a finding's audit, of a tag's finding's audit. */
const ofAudit = (row: 'old' | 'new') =>
	recount(`substr(${row}.audited_on, 1, 7)`, `coalesce(${row}.team_id, '')`);
const auditOfFinding = (row: 'old' | 'new') =>
	`(select audit_id from audit_findings where id = ${row}.finding_id)`;
const ofAuditId = (id: string) =>
	recount(
		`(select substr(audited_on, 1, 7) from audits where id = ${id})`,
		`(select coalesce(team_id, '') from audits where id = ${id})`
	);
/** Findings of an audit that is not finalised count nowhere: no need to recount. */
const finalised = (id: string) => `(select status from audits where id = ${id}) = 'finalised'`;

const sqliteTriggers = [
	`create trigger audit_grade_theme_months_audit_insert after insert on audits
		when new.status = 'finalised' begin ${ofAudit('new')} end`,
	`create trigger audit_grade_theme_months_audit_update
		after update of status, audited_on, team_id, overall_grade, moderated_overall_grade on audits
		when old.status = 'finalised' or new.status = 'finalised'
		begin ${ofAudit('old')} ${ofAudit('new')} end`,
	`create trigger audit_grade_theme_months_audit_delete after delete on audits
		when old.status = 'finalised' begin ${ofAudit('old')} end`,
	`create trigger audit_grade_theme_months_finding_insert after insert on audit_findings
		when ${finalised('new.audit_id')} begin ${ofAuditId('new.audit_id')} end`,
	`create trigger audit_grade_theme_months_finding_update
		after update of audit_id, kind on audit_findings
		when ${finalised('old.audit_id')} or ${finalised('new.audit_id')}
		begin ${ofAuditId('old.audit_id')} ${ofAuditId('new.audit_id')} end`,
	`create trigger audit_grade_theme_months_finding_delete after delete on audit_findings
		when ${finalised('old.audit_id')} begin ${ofAuditId('old.audit_id')} end`,
	`create trigger audit_grade_theme_months_tag_insert after insert on audit_finding_tags
		when ${finalised(auditOfFinding('new'))} begin ${ofAuditId(auditOfFinding('new'))} end`,
	`create trigger audit_grade_theme_months_tag_update
		after update of finding_id, kind, ref on audit_finding_tags
		when ${finalised(auditOfFinding('old'))} or ${finalised(auditOfFinding('new'))}
		begin ${ofAuditId(auditOfFinding('old'))} ${ofAuditId(auditOfFinding('new'))} end`,
	`create trigger audit_grade_theme_months_tag_delete after delete on audit_finding_tags
		when ${finalised(auditOfFinding('old'))} begin ${ofAuditId(auditOfFinding('old'))} end`
];
const sqliteTriggerNames = ['audit', 'finding', 'tag'].flatMap((row) =>
	['insert', 'update', 'delete'].map((change) => `audit_grade_theme_months_${row}_${change}`)
);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function postgresTriggers(db: Kysely<any>) {
	// One month and team recounted one transaction at a time (the lock is held until commit), so
	// two audits finalised at once cannot leave a count from before the other.
	await sql`create function audit_grade_theme_months_recount(m text, t text) returns void as $$
		begin
			if m is null or t is null then return; end if;
			perform pg_advisory_xact_lock(hashtext('audit_grade_theme_months ' || m || ' ' || t));
			${sql.raw(recount('m', 't'))}
		end $$ language plpgsql`.execute(db);
	// The month and team of a finalised audit, by its id (none when it is not finalised).
	await sql`create function audit_grade_theme_months_of(id text) returns void as $$
		declare m text; t text;
		begin
			select substr(audited_on, 1, 7), coalesce(team_id, '') into m, t
				from audits where audits.id = audit_grade_theme_months_of.id and status = 'finalised';
			perform audit_grade_theme_months_recount(m, t);
		end $$ language plpgsql`.execute(db);
	await sql`create function audit_grade_theme_months_audit() returns trigger as $$
		begin
			if tg_op <> 'INSERT' and old.status = 'finalised' then
				perform audit_grade_theme_months_recount(substr(old.audited_on, 1, 7), coalesce(old.team_id, ''));
			end if;
			if tg_op <> 'DELETE' and new.status = 'finalised' then
				perform audit_grade_theme_months_recount(substr(new.audited_on, 1, 7), coalesce(new.team_id, ''));
			end if;
			return null;
		end $$ language plpgsql`.execute(db);
	await sql`create function audit_grade_theme_months_finding() returns trigger as $$
		begin
			if tg_op <> 'INSERT' then perform audit_grade_theme_months_of(old.audit_id); end if;
			if tg_op <> 'DELETE' then perform audit_grade_theme_months_of(new.audit_id); end if;
			return null;
		end $$ language plpgsql`.execute(db);
	await sql`create function audit_grade_theme_months_tag() returns trigger as $$
		begin
			if tg_op <> 'INSERT' then
				perform audit_grade_theme_months_of(
					(select audit_id from audit_findings where id = old.finding_id));
			end if;
			if tg_op <> 'DELETE' then
				perform audit_grade_theme_months_of(
					(select audit_id from audit_findings where id = new.finding_id));
			end if;
			return null;
		end $$ language plpgsql`.execute(db);
	await sql`create trigger audit_grade_theme_months_audit
		after insert or delete
			or update of status, audited_on, team_id, overall_grade, moderated_overall_grade
		on audits for each row execute function audit_grade_theme_months_audit()`.execute(db);
	await sql`create trigger audit_grade_theme_months_finding
		after insert or delete or update of audit_id, kind
		on audit_findings for each row execute function audit_grade_theme_months_finding()`.execute(db);
	await sql`create trigger audit_grade_theme_months_tag
		after insert or delete or update of finding_id, kind, ref
		on audit_finding_tags for each row execute function audit_grade_theme_months_tag()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('audit_grade_months')
		.addColumn('month', 'text', (c) => c.notNull())
		.addColumn('team_key', 'text', (c) => c.notNull())
		.addColumn('grade', 'text', (c) => c.notNull())
		.addColumn('n', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('audit_grade_months_pk', ['month', 'team_key', 'grade'])
		.execute();
	await db.schema
		.createTable('audit_theme_months')
		.addColumn('month', 'text', (c) => c.notNull())
		.addColumn('team_key', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('ref', 'text', (c) => c.notNull())
		.addColumn('n', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('audit_theme_months_pk', ['month', 'team_key', 'kind', 'ref'])
		.execute();
	for (const statement of backfill) await sql.raw(statement).execute(db);
	if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresTriggers(db);
	else for (const trigger of sqliteTriggers) await sql.raw(trigger).execute(db);
	await sql`create index audits_awaiting_response
		on audits (audited_on, finalised_at, team_id, practitioner_id, id, case_ref, escalation)
		where status = 'finalised' and escalation is not null and response_at is null`.execute(db);
	await db.schema
		.createIndex('audit_actions_audit_status')
		.on('audit_actions')
		.columns(['audit_id', 'status', 'due_on'])
		.execute();
	await sql`analyze audits`.execute(db);
	await sql`analyze audit_actions`.execute(db);
	await sql`analyze audit_grade_months`.execute(db);
	await sql`analyze audit_theme_months`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('audit_actions_audit_status').execute();
	await db.schema.dropIndex('audits_awaiting_response').execute();
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		await sql`drop trigger audit_grade_theme_months_tag on audit_finding_tags`.execute(db);
		await sql`drop trigger audit_grade_theme_months_finding on audit_findings`.execute(db);
		await sql`drop trigger audit_grade_theme_months_audit on audits`.execute(db);
		for (const name of ['tag', 'finding', 'audit', 'of', 'recount'])
			await sql.raw(`drop function audit_grade_theme_months_${name}`).execute(db);
	} else {
		for (const name of sqliteTriggerNames) await sql.raw(`drop trigger ${name}`).execute(db);
	}
	await db.schema.dropTable('audit_theme_months').execute();
	await db.schema.dropTable('audit_grade_months').execute();
}
