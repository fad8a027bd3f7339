import { sql, type KyselyPlugin, type OperationNode } from 'kysely';
import { figuresVersion } from './kept-figures';
import type { Db } from './index';

// For the specs of figures kept between changes (kept-figures.ts): what a making of them reads,
// and whether the version they are kept under moves on a change to each table it watches.

/** A table a migration's triggers watch, and the columns only, where it names them. */
export type Source = [table: string, columns?: string[]];

/**
 * The tables a query reads, with the columns it names of each (an unqualified column counted as
 * any of the query's tables'); aliases (`users as owner`) resolved to their tables.
 */
function readsOf(root: OperationNode, reads: Map<string, Set<string>>) {
	const tables = new Map<string, string>();
	const columns: { table?: string; column: string }[] = [];
	const walk = (node: unknown): void => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach(walk);
		const n = node as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
		if (n.kind === 'AliasNode' && n.node?.kind === 'TableNode')
			tables.set(n.alias.name, n.node.table.identifier.name);
		if (n.kind === 'TableNode') tables.set(n.table.identifier.name, n.table.identifier.name);
		// A reference's table is a name the query gave its table, or the table's own.
		if (n.kind === 'ReferenceNode' && n.column?.kind === 'ColumnNode')
			return void columns.push({
				table: n.table?.table.identifier.name,
				column: n.column.column.name
			});
		if (n.kind === 'ColumnNode') columns.push({ column: n.column.name });
		Object.values(n).forEach(walk);
	};
	walk(root);
	for (const table of new Set(tables.values())) reads.set(table, reads.get(table) ?? new Set());
	for (const { table, column } of columns) {
		const named = table ? [tables.get(table) ?? table] : [...new Set(tables.values())];
		for (const name of named) reads.get(name)?.add(column);
	}
}

/**
 * `db` with every query it runs recorded (a database object of its own, so it keeps no figures:
 * each asking makes them), and what they read so far: the tables and columns no trigger of
 * `sources` watches (an id, which never changes, counted as watched), `table.column`.
 */
export function recordingReads(db: Db, sources: Source[]) {
	const reads = new Map<string, Set<string>>();
	const recorder: KyselyPlugin = {
		transformQuery: ({ node }) => (readsOf(node, reads), node),
		transformResult: async ({ result }) => result
	};
	const watched = new Map(sources.map(([table, columns]) => [table, columns]));
	const unwatched = () =>
		[...reads].flatMap(([table, columns]) => {
			if (table === 'figure_versions') return [];
			if (!watched.has(table)) return [table];
			const only = watched.get(table);
			const outside = only ? [...columns].filter((c) => ![...only, 'id'].includes(c)) : [];
			return outside.map((column) => `${table}.${column}`);
		});
	return { db: db.withPlugin(recorder), unwatched };
}

/** The tables of `sources` whose change (each row's first watched column set to itself) leaves
 * the version `name` where it was: none, where the triggers watch them all. */
export async function changesNotCounted(db: Db, name: string, sources: Source[]) {
	const tables = await db.introspection.getTables();
	const missed: string[] = [];
	for (const [table, columns] of sources) {
		const column = columns?.[0] ?? tables.find((t) => t.name === table)!.columns[0].name;
		const before = await figuresVersion(db, name);
		await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${sql.ref(column)}`.execute(db);
		if ((await figuresVersion(db, name)) === before) missed.push(table);
	}
	return missed;
}
