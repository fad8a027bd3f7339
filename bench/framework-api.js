// Times GET /api/v1/framework (and the framework pages) on a warm production server.
// Usage: npm run build && npm run bench   (BENCH_REQUESTS=500 to change the sample size)
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const port = Number(process.env.BENCH_PORT ?? 4311);
const requests = Number(process.env.BENCH_REQUESTS ?? 300);
const base = `http://127.0.0.1:${port}`;
const paths = ['/api/v1/framework', '/framework', '/framework/2.3', '/framework/search?q=genogram'];

const server = spawn(process.execPath, ['build/index.js'], {
	env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
	stdio: ['ignore', 'ignore', 'inherit']
});

async function waitForServer() {
	for (let attempt = 0; attempt < 100; attempt++) {
		try {
			if ((await fetch(`${base}/framework`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`the server did not start on ${base}; run "npm run build" first`);
}

const percentile = (sorted, p) =>
	sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function time(path) {
	for (let i = 0; i < 20; i++) await (await fetch(base + path)).arrayBuffer(); // warm up
	const samples = [];
	let bytes = 0;
	for (let i = 0; i < requests; i++) {
		const start = performance.now();
		const response = await fetch(base + path);
		const body = await response.arrayBuffer();
		samples.push(performance.now() - start);
		if (!response.ok) throw new Error(`${path} answered ${response.status}`);
		bytes = body.byteLength;
	}
	samples.sort((a, b) => a - b);
	return {
		path,
		p50: percentile(samples, 50),
		p95: percentile(samples, 95),
		max: samples.at(-1),
		bytes
	};
}

try {
	await waitForServer();
	console.log(
		`${requests} sequential requests per path, after 20 to warm up (times in ms, client-side)`
	);
	for (const path of paths) {
		const r = await time(path);
		console.log(
			`${r.path.padEnd(34)} p50 ${r.p50.toFixed(2).padStart(7)}  p95 ${r.p95.toFixed(2).padStart(7)}  max ${r.max.toFixed(2).padStart(7)}  ${(r.bytes / 1024).toFixed(0)} KiB`
		);
	}
} finally {
	server.kill();
}
