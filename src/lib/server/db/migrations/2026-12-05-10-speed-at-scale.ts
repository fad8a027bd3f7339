import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Speed at national scale (issue 20). Outcome coverage counted each practitioner's outcomes
// from every accepted evidence-outcome row, four times as many rows as there are pairs: here
// one row per practitioner and outcome with accepted evidence, and the latest activity date of
// that evidence (for "in the last 12 months"), kept right by triggers on evidence_outcomes
// whatever writes it. And indexes that answer the audit analysis's and the impact's audits from
// the index alone.

/** A practitioner's pairs, recounted from evidence_outcomes (for SQLite's triggers). */
const refresh = (row: 'old' | 'new') => `
	delete from accepted_outcomes where framework_version = ${row}.framework_version
		and owner_id = ${row}.owner_id and outcome_id = ${row}.outcome_id;
	insert into accepted_outcomes (owner_id, framework_version, outcome_id, latest_on)
		select owner_id, framework_version, outcome_id, max(accepted_on) from evidence_outcomes
		where framework_version = ${row}.framework_version and owner_id = ${row}.owner_id
			and outcome_id = ${row}.outcome_id and accepted_on is not null
		group by owner_id, framework_version, outcome_id;`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('accepted_outcomes')
		.addColumn('owner_id', 'text', (c) => c.notNull())
		.addColumn('framework_version', 'text', (c) => c.notNull())
		.addColumn('outcome_id', 'text', (c) => c.notNull())
		.addColumn('latest_on', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('accepted_outcomes_pk', [
			'framework_version',
			'owner_id',
			'outcome_id'
		])
		.execute();
	await sql`insert into accepted_outcomes (owner_id, framework_version, outcome_id, latest_on)
		select owner_id, framework_version, outcome_id, max(accepted_on) from evidence_outcomes
		where accepted_on is not null and owner_id is not null
		group by owner_id, framework_version, outcome_id`.execute(db);
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		// One practitioner's pairs are recounted one transaction at a time (the lock is theirs
		// until commit), so two reviews at once cannot leave a count from before the other.
		await sql`create function accepted_outcomes_refresh(version text, owner text, outcome text)
			returns void as $$
			begin
				if owner is null then return; end if;
				perform pg_advisory_xact_lock(hashtext('accepted_outcomes ' || owner));
				delete from accepted_outcomes a where a.framework_version = version
					and a.owner_id = owner and a.outcome_id = outcome;
				insert into accepted_outcomes (owner_id, framework_version, outcome_id, latest_on)
					select e.owner_id, e.framework_version, e.outcome_id, max(e.accepted_on)
					from evidence_outcomes e
					where e.framework_version = version and e.owner_id = owner
						and e.outcome_id = outcome and e.accepted_on is not null
					group by e.owner_id, e.framework_version, e.outcome_id;
			end $$ language plpgsql`.execute(db);
		await sql`create function accepted_outcomes_sync() returns trigger as $$
			begin
				if tg_op <> 'INSERT' then
					perform accepted_outcomes_refresh(old.framework_version, old.owner_id, old.outcome_id);
				end if;
				if tg_op <> 'DELETE' then
					perform accepted_outcomes_refresh(new.framework_version, new.owner_id, new.outcome_id);
				end if;
				return null;
			end $$ language plpgsql`.execute(db);
		await sql`create trigger accepted_outcomes_sync
			after insert or delete or update of owner_id, accepted_on, framework_version, outcome_id
			on evidence_outcomes for each row execute function accepted_outcomes_sync()`.execute(db);
	} else {
		await sql
			.raw(
				`create trigger accepted_outcomes_insert after insert on evidence_outcomes begin ${refresh('new')} end`
			)
			.execute(db);
		await sql
			.raw(
				`create trigger accepted_outcomes_update
				after update of owner_id, accepted_on, framework_version, outcome_id on evidence_outcomes
				begin ${refresh('old')} ${refresh('new')} end`
			)
			.execute(db);
		await sql
			.raw(
				`create trigger accepted_outcomes_delete after delete on evidence_outcomes begin ${refresh('old')} end`
			)
			.execute(db);
	}
	// The audit analysis's audits (finalised, since a date) with what it groups and filters by.
	await db.schema
		.createIndex('audits_scope')
		.on('audits')
		.columns([
			'status',
			'audited_on',
			'moderated_at',
			'id',
			'team_id',
			'practitioner_id',
			'overall_grade',
			'moderated_overall_grade'
		])
		.execute();
	// A practitioner's finalised audits, for the impact of learning (before and after a pathway).
	await db.schema
		.createIndex('audits_practitioner_scope')
		.on('audits')
		.columns([
			'practitioner_id',
			'status',
			'audited_on',
			'moderated_at',
			'id',
			'overall_grade',
			'moderated_overall_grade'
		])
		.execute();
	// The planner's statistics for the new table and indexes: without them SQLite may read the
	// audit analysis's index for one practitioner's audits, every audit of the period a row.
	await sql`analyze audits`.execute(db);
	await sql`analyze accepted_outcomes`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('audits_practitioner_scope').execute();
	await db.schema.dropIndex('audits_scope').execute();
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		await sql`drop trigger accepted_outcomes_sync on evidence_outcomes`.execute(db);
		await sql`drop function accepted_outcomes_sync`.execute(db);
		await sql`drop function accepted_outcomes_refresh`.execute(db);
	} else {
		for (const name of ['insert', 'update', 'delete'])
			await sql.raw(`drop trigger accepted_outcomes_${name}`).execute(db);
	}
	await db.schema.dropTable('accepted_outcomes').execute();
}
