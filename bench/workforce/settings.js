// How a run of the workforce bench is set up, from the environment (see bench/workforce.js).

export const dbPath = process.env.BENCH_DB || 'data/bench-workforce.db';
export const reuse = process.env.BENCH_REUSE === '1';
export const requests = Number(process.env.BENCH_REQUESTS ?? 30);
export const warmUp = 3;
export const port = Number(process.env.BENCH_PORT ?? 4320);
export const base = `http://127.0.0.1:${port}`;
export const adminEmail = 'admin@bench.test';
export const pswEmail = 'psw@bench.test';
export const pswPassword = 'bench-password-123';

/** The pages to time; `{team}` becomes the first team's id, `{person}` a busy practitioner's. */
export const pages = [
	'/workforce',
	'/workforce?team={team}',
	'/workforce/progress',
	'/workforce/audits',
	'/workforce/learning',
	'/workforce/cpd',
	'/workforce/report',
	'/workforce/qa-coverage',
	'/workforce/people/{person}',
	'/api/v1/workforce/coverage',
	'/api/v1/workforce/audits',
	'/api/v1/workforce/learning',
	'/api/v1/workforce/qa-coverage',
	'/',
	'/audits?attention=yes'
];
