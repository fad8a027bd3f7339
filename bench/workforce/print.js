import { cpus, loadavg } from 'node:os';
import { practitionerCount, requests, warmUp } from './settings.js';

// The bench's results as a Markdown table per database and size, ready for docs/performance.md,
// with the targets: every workforce page and API answer within its p95, and no page over
// 150 kB of HTML.

/** p95 targets in ms, by database, at the size they are set for. */
const targets = { sqlite: { at: 5000, p95: 150 }, postgres: { at: 40_000, p95: 500 } };
const maxPageBytes = 150 * 1024;
const names = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

const ms = (n) => n.toFixed(n < 100 ? 1 : 0);
const kib = (bytes) => `${(bytes / 1024).toFixed(bytes < 10240 ? 1 : 0)} KiB`;
const isPage = (path) => !path.startsWith('/api/');

/** Prints one table; returns whether anything missed a target or failed. */
export function printResults(database, totals, results) {
	const target = targets[database].at === practitionerCount ? targets[database].p95 : undefined;
	const [load1] = loadavg();
	console.log(
		`\n${names[database]}, ${totals.practitioners.toLocaleString('en-GB')} practitioners, ${totals.evidence.toLocaleString('en-GB')} evidence records, ${totals.audits.toLocaleString('en-GB')} audits: ${requests} sequential requests a page after ${warmUp} to warm up, times from the client; server CPU is the app process's processor time a request. ${cpus().length} processors, load average ${load1.toFixed(1)} at the end.\n`
	);
	console.log('| route | p50 | p95 | server CPU | size |');
	console.log('| --- | --: | --: | --: | --: |');
	let missed = false;
	for (const r of results) {
		const slow = target !== undefined && r.target && r.p95 > target;
		const big = isPage(r.route) && r.target && r.bytes > maxPageBytes;
		const broken = r.status !== 200;
		missed ||= slow || big || broken;
		const flags = [broken ? `**${r.status}**` : '', slow ? '**slow**' : '', big ? '**big**' : '']
			.filter(Boolean)
			.join(' ');
		console.log(
			`| \`${r.route}\`${flags ? ` ${flags}` : ''} | ${ms(r.p50)} ms | ${ms(r.p95)} ms | ${ms(r.cpu)} ms | ${kib(r.bytes)} |`
		);
	}
	if (target !== undefined)
		console.log(
			`\nTargets: p95 under ${target} ms for the workforce pages and API; pages under 150 KiB.`
		);
	return missed;
}
