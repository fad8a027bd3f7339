// How a run of the workforce bench is set up, from the environment (see bench/workforce.js).

/** Practitioners in the generated authority: 5,000 (a large authority) or 40,000 (national). */
export const practitionerCount = Number(process.env.BENCH_PRACTITIONERS ?? 5000);
if (!Number.isInteger(practitionerCount) || practitionerCount < 100)
	throw new Error(
		`BENCH_PRACTITIONERS must be a whole number from 100 up, not "${practitionerCount}"`
	);
/** The SQLite file the authority is generated into (and copied from, for PostgreSQL). */
export const dbPath =
	process.env.BENCH_DB ||
	(practitionerCount === 5000
		? 'data/bench-workforce.db'
		: `data/bench-workforce-${practitionerCount}.db`);
export const reuse = process.env.BENCH_REUSE === '1';
/** Whether the audit analysis is timed as kept between changes, or worked out after each. */
export const keptFigures = process.env.BENCH_KEPT === '1';
/** The databases to time the pages on, in order: `sqlite`, `postgres` or both. */
export const databases = (process.env.BENCH_DATABASES ?? 'sqlite')
	.split(',')
	.map((name) => name.trim().toLowerCase())
	.filter(Boolean);
for (const name of databases)
	if (name !== 'sqlite' && name !== 'postgres')
		throw new Error(`BENCH_DATABASES names "${name}": use sqlite, postgres or both`);
/** The PostgreSQL server a scratch schema is made in (and dropped from after). */
export const postgresUrl = process.env.BENCH_POSTGRES_URL || process.env.TEST_POSTGRES_URL || '';
/**
 * A schema an earlier run copied the authority into and kept: timed as it is, neither copied
 * into nor dropped (copying 40,000 practitioners takes a quarter of an hour). Empty: a scratch
 * schema, copied into and dropped after.
 */
export const keptSchema = process.env.BENCH_POSTGRES_SCHEMA || '';
if (keptSchema && !/^[a-z_][a-z0-9_]*$/.test(keptSchema))
	throw new Error(`BENCH_POSTGRES_SCHEMA must be a schema's plain name, not "${keptSchema}"`);
export const requests = Number(process.env.BENCH_REQUESTS ?? 30);
export const warmUp = Number(process.env.BENCH_WARMUP ?? 3);
export const port = Number(process.env.BENCH_PORT ?? 4320);
/** The production build to start: another folder to time an earlier build beside this one. */
export const buildDir = process.env.BENCH_BUILD || 'build';
export const base = `http://127.0.0.1:${port}`;
export const adminEmail = 'admin@bench.test';
export const pswEmail = 'psw@bench.test';
export const pswPassword = 'bench-password-123';

/**
 * The pages and API answers to time; `{team}` becomes the first team's id, `{person}` a busy
 * practitioner's. `target` marks the workforce pages and API that the targets are for.
 */
export const pages = [
	{ path: '/workforce', target: true },
	{ path: '/workforce?team={team}', target: true },
	{ path: '/workforce/progress', target: true },
	{ path: '/workforce/progress?page=2', target: true },
	{ path: '/workforce/audits', target: true },
	{ path: '/workforce/audits/overdue-actions', target: true },
	{ path: '/workforce/learning', target: true },
	{ path: '/workforce/cpd', target: true },
	{ path: '/workforce/cpd?page=2', target: true },
	{ path: '/workforce/report', target: true },
	{ path: '/workforce/qa-coverage', target: true },
	{ path: '/workforce/people/{person}', target: true },
	{ path: '/api/v1/workforce/coverage', target: true },
	{ path: '/api/v1/workforce/progress', target: true },
	{ path: '/api/v1/workforce/audits', target: true },
	{ path: '/api/v1/workforce/learning', target: true },
	{ path: '/api/v1/workforce/cpd', target: true },
	{ path: '/api/v1/workforce/report', target: true },
	{ path: '/api/v1/workforce/qa-coverage', target: true },
	{ path: '/api/v1/workforce/cpd?format=csv&table=people', target: true },
	{ path: '/' },
	{ path: '/audits?attention=yes' }
];
