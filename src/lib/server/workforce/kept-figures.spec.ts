import { sql, type KyselyPlugin, type OperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAction } from '../audit/actions';
import { addFinding } from '../audit/findings';
import { assignModerator } from '../audit/follow-up';
import { saveGrades } from '../audit/grading';
import {
	allAreas,
	definition,
	finaliseTestAudit,
	newAudit,
	type TestAudit
} from '../audit/testing';
import type { Db } from '../db';
import { auditFigureSources } from '../db/migrations/2026-12-11-01-figure-versions';
import { newEnrolment, newUser, testDatabases } from '../db/testing';
import { updateTeam } from '../people/teams';
import { workforceView } from './index';
import { figuresVersion, keptAtMost, keptFigures } from './kept-figures';

const today = '2026-06-20';
const watched = new Map(auditFigureSources.map(([table, columns]) => [table, columns]));

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

describe.each(testDatabases())('the audit analysis kept between changes on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	let audit: TestAudit;
	beforeAll(async () => {
		({ db, close } = await database.open());
		audit = await newAudit(db, '2026-06-01');
		await addFinding(db, audit.auditor, audit.id, {
			kind: 'development',
			text: 'Plans lack a contingency.',
			frameworkVersion: 'pqs-2025',
			outcomes: ['3.3'],
			standards: []
		});
		const action = { description: 'Write a contingency plan.', ownerId: audit.practitioner };
		await addAction(db, audit.auditor, audit.id, { ...action, dueOn: '2026-06-10' });
		await finaliseTestAudit(db, audit, '2026-06-02');
		// Moderated, a grade lowered: so that every table the analysis reads has a row.
		const psw = await newUser(db, { roles: ['psw'] });
		await assignModerator(db, psw, audit.id, psw);
		const moderation = { grades: allAreas('requires-improvement'), grip: false, gripReason: '' };
		await saveGrades(db, definition, psw, audit.id, 'moderation', moderation);
		await newEnrolment(db, audit.practitioner, '2026-01-05');
	});
	afterAll(() => close());

	const params = (query = '') => new URLSearchParams(query);
	const analysis = (on: Db, query = '') => workforceView(on, 'audits', params(query), today);

	it('reads nothing whose changes it does not count, whatever it is asked', async () => {
		const reads = new Map<string, Set<string>>();
		const recorder: KyselyPlugin = {
			transformQuery: ({ node }) => (readsOf(node, reads), node),
			transformResult: async ({ result }) => result
		};
		const recording = db.withPlugin(recorder);
		const team = `team=${audit.team}`;
		const asked = ['', 'grain=month', `${team}&stage=asye&programme=asye&period=all`];
		for (const query of asked) {
			const { tables } = await analysis(recording, query);
			for (const { id } of tables) await analysis(recording, `${query}&table=${id}`);
		}
		reads.delete('figure_versions');
		expect([...reads.keys()].filter((table) => !watched.has(table))).toEqual([]);
		// Of the tables watched for some columns only, an id never changes.
		for (const [table, columns] of watched)
			if (columns && reads.has(table))
				for (const column of reads.get(table)!)
					expect([...columns, 'id'], `${table}.${column}`).toContain(column);
	});

	it('counts a change to every table it reads', async () => {
		for (const [table, columns] of watched) {
			const column =
				columns?.[0] ??
				(await db.introspection.getTables()).find((t) => t.name === table)!.columns[0].name;
			const before = await figuresVersion(db, 'audits');
			await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${sql.ref(column)}`.execute(db);
			expect(await figuresVersion(db, 'audits'), table).not.toBe(before);
		}
	});

	it('counts no change where a statement changes no row, as a refused update', async () => {
		const before = await figuresVersion(db, 'audits');
		await sql`update audits set status = status where id = ${'no such audit'}`.execute(db);
		await sql`delete from audit_actions where id = ${'no such action'}`.execute(db);
		expect(await figuresVersion(db, 'audits')).toBe(before);
	});

	if (database.name === 'PostgreSQL')
		it('lets a change commit while another is under way: the version is taken at commit', async () => {
			const other = await newAudit(db, '2026-06-07');
			await db.transaction().execute(async (tx) => {
				await sql`update audits set case_ref = case_ref where id = ${audit.id}`.execute(tx);
				// On a connection of its own: it would wait for this transaction's end, and so
				// never end, were the version's row taken as the row above changed.
				await db.transaction().execute(async (another) => {
					await sql`set local lock_timeout = '10s'`.execute(another);
					await sql`update audits set case_ref = case_ref where id = ${other.id}`.execute(another);
				});
			});
		});

	it('makes its figures again after a change, and only then', async () => {
		let made = 0;
		const make = async () => (made++, []);
		await keptFigures(db, 'audits', 'a key', make);
		await Promise.all([1, 2, 3].map(() => keptFigures(db, 'audits', 'a key', make)));
		expect(made).toBe(1);
		await sql`update users set email = email`.execute(db);
		await keptFigures(db, 'audits', 'a key', make);
		expect(made).toBe(1);
		await updateTeam(db, audit.manager, audit.team, 'Renamed team', audit.manager);
		await keptFigures(db, 'audits', 'a key', make);
		expect(made).toBe(2);
	});

	it('shows a change at once, as a fresh analysis would', async () => {
		const kept = (await analysis(db)).tables;
		expect((await analysis(db)).tables).toBe(kept);
		const again = await newAudit(db, '2026-06-05');
		await finaliseTestAudit(db, again, '2026-06-06');
		const after = (await analysis(db)).tables;
		expect(after).not.toEqual(kept);
		// A database object of its own keeps nothing: the figures made afresh.
		expect(after).toEqual((await analysis(db.withPlugin(noPlugin))).tables);
	});

	it('keeps the sets, and the rows, most recently asked for within bounds', async () => {
		const bounds = { ...keptAtMost };
		const made: string[] = [];
		const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ i }));
		const figures = (key: string, n = 1) =>
			keptFigures(db, 'audits', key, async () => {
				made.push(key);
				return [{ id: key, title: key, columns: [], rows: rows(n) }];
			});
		try {
			Object.assign(keptAtMost, { sets: 2, rows: 5 });
			for (const key of ['a', 'b', 'a', 'c', 'a', 'b']) await figures(key);
			// c put b out, as the least recently asked; then b put c out.
			expect(made).toEqual(['a', 'b', 'c', 'b']);
			Object.assign(keptAtMost, { sets: 3, rows: 4 });
			made.length = 0;
			await figures('d', 5);
			await figures('d', 5);
			// Kept though over the bound alone, a and b let go for its rows.
			expect(made).toEqual(['d']);
			for (const key of ['a', 'b', 'd']) await figures(key);
			// a's row put d out in turn.
			expect(made).toEqual(['d', 'a', 'b', 'd']);
		} finally {
			Object.assign(keptAtMost, bounds);
		}
	});

	it('refuses to be changed where it is kept', async () => {
		const { tables } = await analysis(db);
		expect(() => (tables[0].rows as unknown[]).push({})).toThrow(TypeError);
	});
});

const noPlugin: KyselyPlugin = {
	transformQuery: ({ node }) => node,
	transformResult: async ({ result }) => result
};
