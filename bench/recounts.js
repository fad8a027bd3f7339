// Times what the kept counts cost a transaction that changes many rows of one month and team:
// copies of one finalised audit of the demo authority (its grades, findings and their tags), all
// in its month and team, inserted in one transaction, then erased in one as the retention run
// erases audits. On SQLite, and on PostgreSQL when BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) is
// set, in a scratch schema. The app's code runs from its TypeScript source through Vite's module
// runner, so no build is needed.
// Usage: npm run bench:recounts
//   BENCH_COPIES=50,100,200,400   how many copies, each size on a fresh demo authority
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importSource } from '../src/lib/server/ops/source.js';
import { createScratchSchema, dropScratchSchema } from './workforce/postgres.js';
import { postgresUrl } from './workforce/settings.js';

// The demo's sign-offs are sealed with a key: one for this bench alone.
process.env.SIGNOFF_KEY ??= 'golden-thread-bench-only-sign-off-key-0123456789';
const sizes = (process.env.BENCH_COPIES ?? '50,100,200,400').split(',').map(Number);

const { createDb } = await importSource('db/index.ts');
const { migrateToLatest } = await importSource('db/migrate.ts');
const { newId } = await importSource('db/ids.ts');
const { seedDemoAuthority } = await importSource('demo/seed.ts');
const { eraseAudits } = await importSource('retention/erase-audits.ts');
const { findingsOf } = await importSource('audit/audits.ts');

/** The demo's latest finalised audit with its grades, findings and their tags. */
async function latestFinalisedAudit(db) {
	const audit = await db
		.selectFrom('audits')
		.selectAll()
		.where('status', '=', 'finalised')
		.orderBy('audited_on', 'desc')
		.executeTakeFirstOrThrow();
	const grades = await db
		.selectFrom('audit_grades')
		.selectAll()
		.where('audit_id', '=', audit.id)
		.execute();
	const findings = [];
	const tags = [];
	for (const { tags: own, ...finding } of await findingsOf(db, audit.id)) {
		findings.push(finding);
		tags.push(...own);
	}
	return { audit, grades, findings, tags };
}

/** Rows copied with a new id where the table has one, pointing at `owner` by `column`. */
const copies = (rows, column, owner) =>
	rows.map((row) => ({ ...row, ...('id' in row ? { id: newId() } : {}), [column]: owner }));

/** Inserts `n` copies of a finalised audit in one transaction; their ids. */
async function copyAudit(db, n) {
	const { audit, grades, findings, tags } = await latestFinalisedAudit(db);
	const ids = [];
	await db.transaction().execute(async (tx) => {
		for (let i = 0; i < n; i++) {
			const id = newId();
			ids.push(id);
			await tx
				.insertInto('audits')
				.values({ ...audit, id, case_ref: `${audit.case_ref}-${i}` })
				.execute();
			if (grades.length)
				await tx
					.insertInto('audit_grades')
					.values(copies(grades, 'audit_id', id))
					.execute();
			for (const finding of findings) {
				const [copy] = copies([finding], 'audit_id', id);
				await tx.insertInto('audit_findings').values(copy).execute();
				const own = tags.filter((t) => t.finding_id === finding.id);
				if (own.length)
					await tx
						.insertInto('audit_finding_tags')
						.values(copies(own, 'finding_id', copy.id))
						.execute();
			}
		}
	});
	return ids;
}

/** One size on one database: seconds to copy and to erase. */
async function time(url, n) {
	const db = createDb(url);
	try {
		await migrateToLatest(db);
		await seedDemoAuthority(db);
		let started = performance.now();
		const ids = await copyAudit(db, n);
		const copied = (performance.now() - started) / 1000;
		started = performance.now();
		await db.transaction().execute((tx) => eraseAudits(tx, ids));
		const erased = (performance.now() - started) / 1000;
		return { copied, erased };
	} finally {
		await db.destroy();
	}
}

const databases = [
	{
		name: 'SQLite',
		async open() {
			const dir = mkdtempSync(join(tmpdir(), 'bench-recounts-'));
			return { url: `file:${dir}/bench.db`, close: async () => rmSync(dir, { recursive: true }) };
		}
	},
	...(postgresUrl
		? [
				{
					name: 'PostgreSQL',
					async open() {
						const { schema, url } = await createScratchSchema();
						return { url, close: () => dropScratchSchema(schema) };
					}
				}
			]
		: [])
];

console.log(
	'\nCopies of one finalised audit in its month and team, inserted in one transaction, then erased in one.\n'
);
console.log(`| audits | ${databases.map((d) => `${d.name} copy / erase`).join(' | ')} |`);
console.log(`| --: | ${databases.map(() => '--:').join(' | ')} |`);
for (const n of sizes) {
	const cells = [];
	for (const database of databases) {
		const { url, close } = await database.open();
		try {
			const { copied, erased } = await time(url, n);
			cells.push(`${copied.toFixed(2)} s / ${erased.toFixed(2)} s`);
		} finally {
			await close();
		}
	}
	console.log(`| ${n} | ${cells.join(' | ')} |`);
}
if (!postgresUrl)
	console.log('\nSet BENCH_POSTGRES_URL (or TEST_POSTGRES_URL) to time PostgreSQL too.');
