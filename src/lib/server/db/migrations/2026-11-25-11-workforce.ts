import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Personal API tokens for the workforce figures, and what aggregating across a large authority
// needs: indexes, and each evidence-outcome row carrying its record's owner and, once accepted,
// its activity date, kept right by triggers whatever writes the evidence, so that coverage is
// counted from one index instead of a join over every record.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('api_tokens')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_used_at', 'text')
		.addColumn('revoked_at', 'text')
		.execute();
	await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();
	// The latest sign-off entry for a practitioner's outcome.
	await db.schema
		.createIndex('signoffs_outcome_sequence')
		.on('signoffs')
		.columns(['practitioner_id', 'outcome_id', 'framework_version', 'sequence'])
		.execute();
	await db.schema.alterTable('evidence_outcomes').addColumn('owner_id', 'text').execute();
	await db.schema.alterTable('evidence_outcomes').addColumn('accepted_on', 'text').execute();
	await sql`update evidence_outcomes set
		owner_id = (select evidence.owner_id from evidence where evidence.id = evidence_outcomes.evidence_id),
		accepted_on = (select case when evidence.status = 'accepted' then evidence.activity_date end
			from evidence where evidence.id = evidence_outcomes.evidence_id)`.execute(db);
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		await sql`create function evidence_outcomes_fill() returns trigger as $$
			begin
				select e.owner_id, case when e.status = 'accepted' then e.activity_date end
					into new.owner_id, new.accepted_on from evidence e where e.id = new.evidence_id;
				return new;
			end $$ language plpgsql`.execute(db);
		await sql`create trigger evidence_outcomes_fill before insert on evidence_outcomes
			for each row execute function evidence_outcomes_fill()`.execute(db);
		await sql`create function evidence_accepted_sync() returns trigger as $$
			begin
				if new.status is distinct from old.status or new.activity_date is distinct from old.activity_date then
					update evidence_outcomes set accepted_on =
						case when new.status = 'accepted' then new.activity_date end
						where evidence_id = new.id;
				end if;
				return new;
			end $$ language plpgsql`.execute(db);
		await sql`create trigger evidence_accepted_sync after update on evidence
			for each row execute function evidence_accepted_sync()`.execute(db);
	} else {
		await sql`create trigger evidence_outcomes_fill after insert on evidence_outcomes begin
			update evidence_outcomes set
				owner_id = (select owner_id from evidence where id = new.evidence_id),
				accepted_on = (select case when status = 'accepted' then activity_date end
					from evidence where id = new.evidence_id)
			where evidence_id = new.evidence_id and framework_version = new.framework_version
				and outcome_id = new.outcome_id;
		end`.execute(db);
		await sql`create trigger evidence_accepted_sync after update of status, activity_date on evidence begin
			update evidence_outcomes set
				accepted_on = case when new.status = 'accepted' then new.activity_date end
			where evidence_id = new.id;
		end`.execute(db);
	}
	await db.schema
		.createIndex('evidence_outcomes_accepted')
		.on('evidence_outcomes')
		.columns(['framework_version', 'owner_id', 'outcome_id', 'accepted_on'])
		.execute();
	await db.schema
		.createIndex('evidence_status_owner')
		.on('evidence')
		.columns(['status', 'owner_id'])
		.execute();
	// A practitioner's CPD in a registration year, from the index alone.
	await db.schema
		.createIndex('evidence_cpd')
		.on('evidence')
		.columns(['owner_id', 'activity_date', 'status', 'cpd_type', 'peer_reflected', 'cpd_minutes'])
		.execute();
	await db.schema.createIndex('users_team').on('users').column('team_id').execute();
	await db.schema
		.createIndex('learning_need_outcomes_outcome')
		.on('learning_need_outcomes')
		.columns(['outcome_id', 'need_id'])
		.execute();
	await db.schema
		.createIndex('audit_findings_kind')
		.on('audit_findings')
		.columns(['kind', 'audit_id'])
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		await sql`drop trigger evidence_accepted_sync on evidence`.execute(db);
		await sql`drop function evidence_accepted_sync`.execute(db);
		await sql`drop trigger evidence_outcomes_fill on evidence_outcomes`.execute(db);
		await sql`drop function evidence_outcomes_fill`.execute(db);
	} else {
		await sql`drop trigger evidence_accepted_sync`.execute(db);
		await sql`drop trigger evidence_outcomes_fill`.execute(db);
	}
	await db.schema.dropIndex('evidence_outcomes_accepted').execute();
	await db.schema.alterTable('evidence_outcomes').dropColumn('accepted_on').execute();
	await db.schema.alterTable('evidence_outcomes').dropColumn('owner_id').execute();
	for (const index of [
		'evidence_cpd',
		'audit_findings_kind',
		'learning_need_outcomes_outcome',
		'users_team',
		'evidence_status_owner',
		'signoffs_outcome_sequence'
	])
		await db.schema.dropIndex(index).execute();
	await db.schema.dropTable('api_tokens').execute();
}
