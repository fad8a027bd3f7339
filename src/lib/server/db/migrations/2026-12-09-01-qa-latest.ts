import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Speed at scale (issue 20): QA coverage looked up each practitioner's latest finalised audit,
// observation and feedback of each type on every request, four seeks a practitioner (2.6 s at a
// national cohort on PostgreSQL). Here each person's latest of each, whenever it is dated, kept
// right by triggers on audits, evidence and feedback_requests whatever writes them: a change
// recounts that person from their records. QA coverage counts a date only up to today, so where
// a kept date is after the day asked about it looks that person up as before. Frozen once
// released.

/** The evidence types kept, each with its column. */
const recordColumns = {
	observation: 'observation',
	'feedback-child-family': 'feedback_child_family',
	'feedback-colleague': 'feedback_colleague'
};
const types = `(${Object.keys(recordColumns)
	.map((type) => `'${type}'`)
	.join(', ')})`;

/** The latest of a person's records of a type: submitted, or a draft holding an answer by link. */
const latestRecord = (person: string, type: string) => `(select max(e.activity_date) from evidence e
	where e.owner_id = ${person} and e.type = '${type}' and (e.status <> 'draft'
		or exists (select 1 from feedback_requests f where f.record_id = e.id)))`;

/** A person's three kinds of record, recounted (nothing when `person` is null). */
const recountRecords = (person: string) => `
	insert into qa_latest (user_id, ${Object.values(recordColumns).join(', ')})
		select ${person}, ${Object.keys(recordColumns)
			.map((type) => latestRecord(person, type))
			.join(', ')}
		where ${person} is not null
		on conflict (user_id) do update set ${Object.values(recordColumns)
			.map((column) => `${column} = excluded.${column}`)
			.join(', ')};`;

/** A person's latest finalised audit, recounted (nothing when `person` is null). */
const recountAudit = (person: string) => `
	insert into qa_latest (user_id, audit)
		select ${person}, (select max(a.audited_on) from audits a
			where a.practitioner_id = ${person} and a.status = 'finalised')
		where ${person} is not null
		on conflict (user_id) do update set audit = excluded.audit;`;

/** Each PostgreSQL trigger's table, and the columns whose update can move a kept date. */
const postgresTriggerOn = {
	evidence: ['evidence', 'owner_id, type, activity_date, status'],
	request: ['feedback_requests', 'record_id'],
	audit: ['audits', 'practitioner_id, status, audited_on']
};

/** The owner of the record a feedback request's answer is. */
const ownerOf = (row: 'old' | 'new') =>
	`(select owner_id from evidence where id = ${row}.record_id)`;

/** An evidence row's change that can move a kept date: of a kept type, before or after. */
const recordMoved = `(old.type in ${types} or new.type in ${types}) and (old.owner_id is not new.owner_id
	or old.type is not new.type or old.activity_date is not new.activity_date
	or old.status is not new.status)`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('qa_latest')
		.addColumn('user_id', 'text', (c) => c.primaryKey())
		.addColumn('audit', 'text')
		.addColumn('observation', 'text')
		.addColumn('feedback_child_family', 'text')
		.addColumn('feedback_colleague', 'text')
		.execute();
	await sql
		.raw(
			`insert into qa_latest (user_id, audit, ${Object.values(recordColumns).join(', ')})
			select u.id, (select max(a.audited_on) from audits a
				where a.practitioner_id = u.id and a.status = 'finalised'),
				${Object.keys(recordColumns)
					.map((type) => latestRecord('u.id', type))
					.join(', ')}
			from users u`
		)
		.execute(db);
	if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresTriggers(db);
	else await sqliteTriggers(db);
	await sql`analyze qa_latest`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function sqliteTriggers(db: Kysely<any>) {
	const triggers = [
		`create trigger qa_latest_evidence_insert after insert on evidence
			when new.type in ${types} begin ${recountRecords('new.owner_id')} end`,
		`create trigger qa_latest_evidence_update
			after update of owner_id, type, activity_date, status on evidence when ${recordMoved}
			begin ${recountRecords('old.owner_id')} ${recountRecords('new.owner_id')} end`,
		`create trigger qa_latest_evidence_delete after delete on evidence
			when old.type in ${types} begin ${recountRecords('old.owner_id')} end`,
		`create trigger qa_latest_request_insert after insert on feedback_requests
			when new.record_id is not null begin ${recountRecords(ownerOf('new'))} end`,
		`create trigger qa_latest_request_update after update of record_id on feedback_requests
			when old.record_id is not new.record_id
			begin ${recountRecords(ownerOf('old'))} ${recountRecords(ownerOf('new'))} end`,
		`create trigger qa_latest_request_delete after delete on feedback_requests
			when old.record_id is not null begin ${recountRecords(ownerOf('old'))} end`,
		`create trigger qa_latest_audit_insert after insert on audits
			begin ${recountAudit('new.practitioner_id')} end`,
		`create trigger qa_latest_audit_update
			after update of practitioner_id, status, audited_on on audits
			begin ${recountAudit('old.practitioner_id')} ${recountAudit('new.practitioner_id')} end`,
		`create trigger qa_latest_audit_delete after delete on audits
			begin ${recountAudit('old.practitioner_id')} end`
	];
	for (const trigger of triggers) await sql.raw(trigger).execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function postgresTriggers(db: Kysely<any>) {
	// One person recounted one transaction at a time (the lock is held until commit), so two
	// records saved at once cannot leave a date from before the other.
	await sql`create function qa_latest_recount(p text, records boolean) returns void as $$
		begin
			if p is null then return; end if;
			perform pg_advisory_xact_lock(hashtext('qa_latest ' || p));
			if records then ${sql.raw(recountRecords('p'))}
			else ${sql.raw(recountAudit('p'))}
			end if;
		end $$ language plpgsql`.execute(db);
	await sql`create function qa_latest_evidence() returns trigger as $$
		begin
			if tg_op = 'UPDATE' then
				if not (${sql.raw(recordMoved.replace(/ is not /g, ' is distinct from '))}) then
					return null;
				end if;
			end if;
			if tg_op <> 'INSERT' then
				if old.type in ${sql.raw(types)} then perform qa_latest_recount(old.owner_id, true); end if;
			end if;
			if tg_op <> 'DELETE' then
				if new.type in ${sql.raw(types)} then perform qa_latest_recount(new.owner_id, true); end if;
			end if;
			return null;
		end $$ language plpgsql`.execute(db);
	await sql`create function qa_latest_request() returns trigger as $$
		begin
			if tg_op <> 'INSERT' then
				perform qa_latest_recount(${sql.raw(ownerOf('old'))}, true);
			end if;
			if tg_op <> 'DELETE' then
				perform qa_latest_recount(${sql.raw(ownerOf('new'))}, true);
			end if;
			return null;
		end $$ language plpgsql`.execute(db);
	await sql`create function qa_latest_audit() returns trigger as $$
		begin
			if tg_op <> 'INSERT' then perform qa_latest_recount(old.practitioner_id, false); end if;
			if tg_op <> 'DELETE' then perform qa_latest_recount(new.practitioner_id, false); end if;
			return null;
		end $$ language plpgsql`.execute(db);
	for (const [name, [table, columns]] of Object.entries(postgresTriggerOn))
		await sql
			.raw(
				`create trigger qa_latest_${name} after insert or delete or update of ${columns}
				on ${table} for each row execute function qa_latest_${name}()`
			)
			.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		for (const [name, [table]] of Object.entries(postgresTriggerOn))
			await sql.raw(`drop trigger qa_latest_${name} on ${table}`).execute(db);
		for (const name of ['audit', 'request', 'evidence', 'recount'])
			await sql.raw(`drop function qa_latest_${name}`).execute(db);
	} else {
		for (const table of ['evidence', 'request', 'audit'])
			for (const change of ['insert', 'update', 'delete'])
				await sql.raw(`drop trigger qa_latest_${table}_${change}`).execute(db);
	}
	await db.schema.dropTable('qa_latest').execute();
}
