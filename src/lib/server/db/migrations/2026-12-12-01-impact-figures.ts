import { PostgresAdapter, sql, type Kysely } from 'kysely';

// The impact of learning keeps the audit figures of every completed pathway between requests
// (learning/impact-query.ts). Until now it asked on every call whether they might have changed,
// by counting finalised audits and completed pathways and taking the latest change, and read
// them again after ten minutes whatever the count said, for the changes a count cannot see. Here
// a version of its own in figure_versions (2026-12-11-01), counted up by triggers on every table
// those figures read, so that they are kept exactly until a change commits, as the audit
// analysis's are. Frozen once released.

/** What the impact figures read, and the columns they read where other changes are frequent. */
export const impactFigureSources: [table: string, columns?: string[]][] = [
	// Not an audit's text, views or case reference, which change while it is a draft.
	[
		'audits',
		[
			'practitioner_id',
			'status',
			'audited_on',
			'overall_grade',
			'moderated_overall_grade',
			'moderated_at'
		]
	],
	['audit_grades', ['audit_id', 'area_id', 'stage', 'effective_grade']],
	['audit_findings', ['audit_id', 'kind']],
	['audit_finding_tags'],
	// Not the steps ticked or the reflection, which change as a pathway is followed.
	['pathway_progress', ['practitioner_id', 'assignment_id', 'completed_at']],
	['pathway_assignments', ['pathway_id']]
];

const figures = 'impact';

const events = (columns?: string[]) => [
	'insert',
	columns ? `update of ${columns.join(', ')}` : 'update',
	'delete'
];

const sqliteTriggers = impactFigureSources.flatMap(([table, columns]) =>
	events(columns).map(
		(event) => `create trigger impact_${table}_${event.split(' ')[0]} after ${event} on ${table}
			begin
				update figure_versions set version = version + 1 where name = '${figures}';
			end`
	)
);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.insertInto('figure_versions').values({ name: figures, version: 0 }).execute();
	if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
		for (const trigger of sqliteTriggers) await sql.raw(trigger).execute(db);
		return;
	}
	// As the audit analysis's (2026-12-11-01): once a row changed, deferred to the commit, and a
	// truncate once a statement; through the function that migration made.
	for (const [table, columns] of impactFigureSources) {
		const bump = `execute function figures_changed('${figures}')`;
		await sql
			.raw(
				`create constraint trigger impact_${table}
				after ${events(columns).join(' or ')} on ${table}
				deferrable initially deferred for each row ${bump}`
			)
			.execute(db);
		await sql
			.raw(`create trigger impact_${table}_truncate after truncate on ${table} ${bump}`)
			.execute(db);
	}
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	if (db.getExecutor().adapter instanceof PostgresAdapter) {
		for (const [table] of impactFigureSources)
			for (const name of [table, `${table}_truncate`])
				await sql.raw(`drop trigger impact_${name} on ${table}`).execute(db);
	} else {
		for (const trigger of sqliteTriggers)
			await sql.raw(`drop trigger ${trigger.split(' ')[2]}`).execute(db);
	}
	await db.deleteFrom('figure_versions').where('name', '=', figures).execute();
}
