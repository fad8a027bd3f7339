import { PostgresAdapter, sql, type Kysely } from 'kysely';

// On PostgreSQL the figures' versions (2026-12-11-01) were counted once for each row a
// transaction changed, at its commit: a transaction that changed thousands of watched rows (an
// import from HR, say) updated the version's one row thousands of times, and PostgreSQL follows
// every earlier version of a row a transaction has updated to reach the latest, so the cost grew
// with the square: 20,000 rows took 4.5 s at commit, 80,000 would take over a minute. Now the
// first row a transaction changed counts the version once and notes that it has, for the rest of
// that transaction only; the others find the note and stop. A version still moves on every
// commit that changes what its figures read, which is all the figures need. SQLite's triggers
// update the row in place, as cheap the thousandth time as the first, and are left as they are.
// Frozen once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
	// The note is a setting local to the transaction, holding its id: a later transaction of the
	// same connection finds another id there (or nothing), never its own.
	await sql`create or replace function figures_changed() returns trigger as $$
		declare
			note text := 'golden_thread.figures_counted_' || tg_argv[0];
		begin
			if current_setting(note, true) = txid_current()::text then
				return null;
			end if;
			perform set_config(note, txid_current()::text, true);
			update figure_versions set version = version + 1 where name = tg_argv[0];
			return null;
		end $$ language plpgsql`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
	await sql`create or replace function figures_changed() returns trigger as $$
		begin
			update figure_versions set version = version + 1 where name = tg_argv[0];
			return null;
		end $$ language plpgsql`.execute(db);
}
