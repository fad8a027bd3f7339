import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Speed at scale (issue 20): the audit analysis is the workforce's heaviest page, and its figures
// change only when an audit, or something the analysis shows of a person or team, does. Here a
// version of the figures, counted up by triggers on every table the analysis reads, in the same
// transaction as the change, so that every app server sees a change at the moment it commits and
// may keep its figures until then (db/kept-figures.ts). Frozen once released.

/** What the audit analysis reads, and the columns it reads where other changes are frequent. */
export const auditFigureSources: [table: string, columns?: string[]][] = [
	['audits'],
	['audit_grades'],
	['audit_findings'],
	['audit_finding_tags'],
	['audit_actions'],
	['audit_area_months'],
	['audit_grade_months'],
	['audit_moderation_months'],
	['audit_theme_months'],
	['teams'],
	['users', ['name', 'career_stage', 'active', 'team_id']],
	['user_roles'],
	['enrolments', ['user_id', 'programme']]
];

const figures = 'audits';

const sqliteTriggers = auditFigureSources.flatMap(([table, columns]) =>
	['insert', columns ? `update of ${columns.join(', ')}` : 'update', 'delete'].map(
		(event) => `create trigger figures_${table}_${event.split(' ')[0]} after ${event} on ${table}
			begin
				update figure_versions set version = version + 1 where name = '${figures}';
			end`
	)
);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
	// A bigint on PostgreSQL, whose integer would run out; SQLite's integer is already 64 bits.
	await db.schema
		.createTable('figure_versions')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('version', postgres ? 'bigint' : 'integer', (c) => c.notNull())
		.execute();
	await db.insertInto('figure_versions').values({ name: figures, version: 0 }).execute();
	if (!postgres) {
		for (const trigger of sqliteTriggers) await sql.raw(trigger).execute(db);
		return;
	}
	// Once a row, as on SQLite: a statement that changes no row (an update refused by its
	// version, say) changes no figure. Deferred to the commit, so that a transaction takes the
	// version's row last and holds it only while it commits: two transactions can then neither
	// wait long on it nor deadlock over it (each has taken its other rows by then). A truncate,
	// which names no rows, once a statement.
	await sql`create function figures_changed() returns trigger as $$
		begin
			update figure_versions set version = version + 1 where name = tg_argv[0];
			return null;
		end $$ language plpgsql`.execute(db);
	for (const [table, columns] of auditFigureSources) {
		const update = columns ? `update of ${columns.join(', ')}` : 'update';
		const bump = `execute function figures_changed('${figures}')`;
		await sql
			.raw(
				`create constraint trigger figures_${table}
				after insert or ${update} or delete on ${table}
				deferrable initially deferred for each row ${bump}`
			)
			.execute(db);
		await sql
			.raw(`create trigger figures_${table}_truncate after truncate on ${table} ${bump}`)
			.execute(db);
	}
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		for (const [table] of auditFigureSources)
			for (const name of [table, `${table}_truncate`])
				await sql.raw(`drop trigger figures_${name} on ${table}`).execute(db);
		await sql`drop function figures_changed`.execute(db);
	} else {
		for (const trigger of sqliteTriggers)
			await sql.raw(`drop trigger ${trigger.split(' ')[2]}`).execute(db);
	}
	await db.schema.dropTable('figure_versions').execute();
}
