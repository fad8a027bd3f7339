import { PostgresAdapter, sql, type Kysely } from 'kysely';

// On PostgreSQL the kept counts by month and team (2026-12-06-10, 2026-12-08-20, 2026-12-10-01)
// and by team (2026-12-10-02, 2026-12-10-04) were recounted for each row a transaction changed:
// a transaction that changed many rows of one month and team (a year's audits erased, people
// moved into a team) recounted it as many times, each recount reading every row before it and
// leaving its old rows behind for the next to step over. Measured with copies of one audit in
// one month and team, inserted in one transaction then erased: 100 took 4.4 s and 3.8 s, 400
// took 355 s and 116 s. Now a row changed notes its month and team as waiting (once however many
// rows name it), and each is recounted once, at commit, in one order. The counts are read by
// requests after the commit, so none sees the difference. SQLite, with one writer and its
// recounts in place, keeps its own triggers (400 audits took 9.3 s and 7.9 s there) and leaves
// the table empty. Frozen once released.

/** The recounts now made at commit, with how many keys each takes (a month and a team, or a team). */
export const deferredRecounts = {
	audit_area_months: 2,
	audit_grade_theme_months: 2,
	learning_need_months: 1,
	coverage_team_months: 1
} as const;

const args = (n: number) => (n === 2 ? 'm text, t text' : 't text');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	// What waits to be recounted at the commit of the transaction `txid`: a recount's name and its
	// keys (`b` is '' for a recount by team alone).
	await db.schema
		.createTable('kept_recounts_pending')
		.addColumn('txid', 'bigint', (c) => c.notNull())
		.addColumn('recount', 'text', (c) => c.notNull())
		.addColumn('a', 'text', (c) => c.notNull())
		.addColumn('b', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('kept_recounts_pending_pk', ['txid', 'recount', 'a', 'b'])
		.execute();
	if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
	for (const [name, n] of Object.entries(deferredRecounts)) {
		// The recount itself keeps its body under another name; the triggers, which call it by its
		// name, now note the keys instead.
		await sql
			.raw(`alter function ${name}_recount(${args(n)}) rename to ${name}_recount_now`)
			.execute(db);
		const [a, b] = n === 2 ? ['m', 't'] : ['t', "''"];
		await sql
			.raw(
				`create function ${name}_recount(${args(n)}) returns void as $$
				begin
					if ${a} is null or ${b} is null then return; end if;
					insert into kept_recounts_pending (txid, recount, a, b)
						values (txid_current(), '${name}', ${a}, ${b}) on conflict do nothing;
				end $$ language plpgsql`
			)
			.execute(db);
	}
	// At commit, once for each key noted: the first to fire recounts every key the transaction
	// noted, in order of name and keys (so two transactions take the recounts' locks in one order
	// and wait for each other rather than deadlock), taking each off the list as it goes; the
	// others find theirs gone. A key noted again by a recount is noted afresh and fires again.
	const calls = Object.entries(deferredRecounts)
		.map(
			([name, n]) =>
				`when '${name}' then perform ${name}_recount_now(${n === 2 ? 'r.a, r.b' : 'r.a'});`
		)
		.join('\n');
	await sql
		.raw(
			`create function kept_recounts_flush() returns trigger as $$
			declare r record;
			begin
				perform 1 from kept_recounts_pending
					where txid = new.txid and recount = new.recount and a = new.a and b = new.b;
				if not found then return null; end if;
				for r in select recount, a, b from kept_recounts_pending where txid = new.txid
					order by recount, a, b
				loop
					delete from kept_recounts_pending
						where txid = new.txid and recount = r.recount and a = r.a and b = r.b;
					case r.recount ${calls} end case;
				end loop;
				return null;
			end $$ language plpgsql`
		)
		.execute(db);
	await sql`create constraint trigger kept_recounts_flush after insert on kept_recounts_pending
		deferrable initially deferred for each row execute function kept_recounts_flush()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		await sql`drop trigger kept_recounts_flush on kept_recounts_pending`.execute(db);
		await sql`drop function kept_recounts_flush`.execute(db);
		for (const [name, n] of Object.entries(deferredRecounts)) {
			await sql.raw(`drop function ${name}_recount(${args(n)})`).execute(db);
			await sql
				.raw(`alter function ${name}_recount_now(${args(n)}) rename to ${name}_recount`)
				.execute(db);
		}
	}
	await db.schema.dropTable('kept_recounts_pending').execute();
}
