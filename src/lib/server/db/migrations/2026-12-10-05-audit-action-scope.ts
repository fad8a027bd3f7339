import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Speed at scale (issue 20): the audit analysis's overdue actions walked every open action in
// order of its due date, looking up each one's audit to see whether it was finalised in the
// period, and passed 17,000 of earlier audits' to find 500 at a national cohort (about 0.22 s);
// the quarterly report joined a quarter's 20,000 audits to their actions twice (about 0.3 s and
// 0.4 s). Here each action carries what those ask of its audit (its status, the day it was
// audited and its team), copied by triggers as the action is written and as its audit changes,
// so that each is one range of an index of the actions. Frozen once released.

const columns = ['audit_status', 'audited_on', 'audit_team_id'] as const;

/** The audit's three values for its actions (`audits` aliased as a row), as SQL. */
const fromAudit = `(select a.status, a.audited_on, a.team_id from audits a where a.id = %)`;

const sqliteTriggers = [
	`create trigger audit_actions_scope_insert after insert on audit_actions
		begin
			update audit_actions set (${columns.join(', ')}) = ${fromAudit.replace('%', 'new.audit_id')}
			where id = new.id;
		end`,
	`create trigger audit_actions_scope_moved after update of audit_id on audit_actions
		begin
			update audit_actions set (${columns.join(', ')}) = ${fromAudit.replace('%', 'new.audit_id')}
			where id = new.id;
		end`,
	`create trigger audit_actions_scope_audit after update of status, audited_on, team_id on audits
		when old.status is not new.status or old.audited_on is not new.audited_on
			or old.team_id is not new.team_id
		begin
			update audit_actions
			set audit_status = new.status, audited_on = new.audited_on, audit_team_id = new.team_id
			where audit_id = new.id;
		end`
];
const sqliteTriggerNames = ['insert', 'moved', 'audit'].map((t) => `audit_actions_scope_${t}`);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function postgresTriggers(db: Kysely<any>) {
	await sql`create function audit_actions_scope() returns trigger as $$
		begin
			select a.status, a.audited_on, a.team_id
			into new.audit_status, new.audited_on, new.audit_team_id
			from audits a where a.id = new.audit_id;
			return new;
		end $$ language plpgsql`.execute(db);
	await sql`create trigger audit_actions_scope before insert or update of audit_id
		on audit_actions for each row execute function audit_actions_scope()`.execute(db);
	await sql`create function audit_actions_scope_audit() returns trigger as $$
		begin
			update audit_actions
			set audit_status = new.status, audited_on = new.audited_on, audit_team_id = new.team_id
			where audit_id = new.id;
			return null;
		end $$ language plpgsql`.execute(db);
	await sql`create trigger audit_actions_scope_audit
		after update of status, audited_on, team_id on audits for each row
		when (old.status is distinct from new.status or old.audited_on is distinct from new.audited_on
			or old.team_id is distinct from new.team_id)
		execute function audit_actions_scope_audit()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	for (const column of columns)
		await db.schema.alterTable('audit_actions').addColumn(column, 'text').execute();
	await sql
		.raw(
			`update audit_actions set (${columns.join(', ')}) = ${fromAudit.replace('%', 'audit_actions.audit_id')}`
		)
		.execute(db);
	// The overdue: open actions by due date, their audits' scope read from the index alone.
	await db.schema.dropIndex('audit_actions_status_due').execute();
	await db.schema
		.createIndex('audit_actions_due_scope')
		.on('audit_actions')
		.columns(['status', 'due_on', 'audit_status', 'audited_on', 'audit_team_id', 'id'])
		.execute();
	// A quarter's actions: finalised audits by the day audited.
	await db.schema
		.createIndex('audit_actions_scope')
		.on('audit_actions')
		.columns(['audit_status', 'audited_on', 'audit_team_id', 'status', 'due_on', 'id'])
		.execute();
	if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresTriggers(db);
	else for (const trigger of sqliteTriggers) await sql.raw(trigger).execute(db);
	await sql`analyze audit_actions`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		await sql`drop trigger audit_actions_scope_audit on audits`.execute(db);
		await sql`drop trigger audit_actions_scope on audit_actions`.execute(db);
		await sql`drop function audit_actions_scope_audit`.execute(db);
		await sql`drop function audit_actions_scope`.execute(db);
	} else {
		for (const name of sqliteTriggerNames) await sql.raw(`drop trigger ${name}`).execute(db);
	}
	await db.schema.dropIndex('audit_actions_scope').execute();
	await db.schema.dropIndex('audit_actions_due_scope').execute();
	await db.schema
		.createIndex('audit_actions_status_due')
		.on('audit_actions')
		.columns(['status', 'due_on'])
		.execute();
	for (const column of columns)
		await db.schema.alterTable('audit_actions').dropColumn(column).execute();
}
