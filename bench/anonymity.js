// Times the anonymity check on a 10,000-word reflection: the demo authority's records run
// together until they are that long, with a few identifying details of each kind sprinkled
// through, as a careless draft might have them. The checker runs from its TypeScript source,
// with the content the app is built from, through Vite's module runner (as `npm run retention`
// does), so no build is needed.
// Usage: npm run bench:anonymity   (BENCH_RUNS=50 to change the sample size)
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { importSource } from '../src/lib/server/ops/source.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 30);
const words = 10_000;

const module = await importSource('portfolio/anonymity.ts');
const { checkAnonymity } = /** @type {typeof import('../src/lib/server/portfolio/anonymity')} */ (
	module
);

/** The prose of every demo record, without its frontmatter and headings. */
function demoProse() {
	const folder = `${root}content/demo/evidence`;
	return readdirSync(folder, { recursive: true })
		.filter((file) => String(file).endsWith('.md'))
		.sort()
		.map((file) =>
			readFileSync(`${folder}/${file}`, 'utf8')
				.replace(/^---[\s\S]*?\n---\n/, '')
				.replace(/^#+ .*$/gm, '')
				.trim()
		);
}

const details = [
	'I spoke with Ngozi and Kacper Wiśniewski about the move.',
	'Her son Kai (DOB 04/05/2015) lives at 12 Acacia Avenue, GL1 2AB.',
	'NHS no 943 476 5919, NI number AB 12 34 56 C, UPN R201100018042.',
	'The case, LV24P00456, is listed; Mosaic ID 1234567; car reg AB21 CDE.',
	'She posts as @kai_smith07 on instagram.com/kai.smith and emails kai.parent@example.org.'
];

/** The demo prose, over and over, with a sentence of details every 400 words or so. */
function reflection() {
	const paragraphs = demoProse();
	const out = [];
	let count = 0;
	for (let i = 0; count < words; i++) {
		const paragraph = paragraphs[i % paragraphs.length];
		out.push(paragraph);
		count += paragraph.split(/\s+/).length;
		if (i % 2 === 1) out.push(details[i % details.length]);
	}
	return out
		.join('\n\n')
		.split(/(\s+)/)
		.slice(0, words * 2 - 1)
		.join('');
}

const text = reflection();
const field = { name: 'reflection', label: 'Reflection', text };
const percentile = (sorted, p) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

let findings = 0;
for (let i = 0; i < 5; i++) findings = checkAnonymity([field]).length; // warm up
// Wall time is what a person waits; processor time is the check's own work, which other
// programs on a busy machine do not add to.
const samples = [];
const cpu = [];
for (let i = 0; i < runs; i++) {
	const start = performance.now();
	const used = process.cpuUsage();
	checkAnonymity([field]);
	const { user, system } = process.cpuUsage(used);
	samples.push(performance.now() - start);
	cpu.push((user + system) / 1000);
}
samples.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const ms = (value) => `${value.toFixed(1)} ms`;
console.log(
	`The anonymity check on a ${text.split(/\s+/).length.toLocaleString('en-GB')}-word reflection (${text.length.toLocaleString('en-GB')} characters, ${findings} findings), ${runs} runs after 5 to warm up:`
);
console.log(
	`  wall time p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))}, max ${ms(samples.at(-1))} (target: under 50 ms)`
);
console.log(`  processor time p50 ${ms(percentile(cpu, 50))}, p95 ${ms(percentile(cpu, 95))}`);
