// Lighthouse (mobile) on the three home pages: a practitioner's, a supervisor's and the principal
// social worker's, each signed in, on a production build with the demo authority. Prints the
// performance, accessibility and best-practice scores and the layout shift of each.
// Usage: npm run build && node bench/lighthouse.js   (part of `npm run bench`)
// The targets: performance at least 0.9, accessibility and best practices 1.0.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const port = Number(process.env.BENCH_PORT ?? 4312);
const base = `http://localhost:${port}`;
const chromePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const accounts = {
	practitioner: 'practitioner@demo.test',
	supervisor: 'supervisor@demo.test',
	'principal social worker': 'psw@demo.test'
};

const data = mkdtempSync(join(tmpdir(), 'golden-thread-lighthouse-'));
const server = spawn(process.execPath, ['build/index.js'], {
	env: {
		...process.env,
		PORT: String(port),
		ORIGIN: base,
		DATABASE_URL: `file:${join(data, 'bench.db')}`,
		FILES_DIR: join(data, 'files'),
		SMTP_URL: ''
	},
	stdio: ['ignore', 'ignore', 'inherit']
});

/** Waits until the server answers (the first start creates the demo authority). */
async function waitForServer() {
	for (;;) {
		if (server.exitCode !== null) throw new Error('the server stopped; run "npm run build" first');
		try {
			if ((await fetch(`${base}/sign-in`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

async function sessionCookie(email) {
	const response = await fetch(`${base}/sign-in`, {
		method: 'POST',
		headers: {
			origin: base,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password: 'golden-thread-demo' }),
		redirect: 'manual'
	});
	const cookie = response.headers.get('set-cookie')?.split(';')[0];
	if (response.status !== 303 || !cookie) throw new Error(`could not sign in as ${email}`);
	return cookie;
}

const score = (category) => category.score.toFixed(2);

let chrome;
try {
	await waitForServer();
	chrome = await chromeLauncher.launch({
		chromePath,
		chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu']
	});
	console.log(
		'Lighthouse, mobile, signed-in home pages (targets: performance ≥ 0.90, others 1.00)'
	);
	console.log('page                      performance  accessibility  best practices  CLS');
	for (const [who, email] of Object.entries(accounts)) {
		const { lhr } = await lighthouse(
			`${base}/`,
			{
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance', 'accessibility', 'best-practices'],
				extraHeaders: { Cookie: await sessionCookie(email) }
			},
			undefined
		);
		const { performance, accessibility } = lhr.categories;
		const cls = lhr.audits['cumulative-layout-shift'].numericValue.toFixed(3);
		console.log(
			`${who.padEnd(26)}${score(performance).padEnd(13)}${score(accessibility).padEnd(15)}${score(lhr.categories['best-practices']).padEnd(16)}${cls}`
		);
		for (const [id, audit] of Object.entries(lhr.audits))
			if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary')
				console.log(`  - ${id}: ${audit.title}`);
	}
} finally {
	await chrome?.kill();
	server.kill();
	rmSync(data, { recursive: true, force: true });
}
