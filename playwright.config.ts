import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { e2eDatabase, e2eFiles, e2eMetricsToken, e2ePort } from './tests/e2e/server';

// Debian's Chromium by default (Playwright cannot download its own browser on every machine):
// its headless shell where installed (`apt-get install chromium-headless-shell`: the old headless
// mode, which Playwright's own browser uses too; the browser tests took a quarter less time with
// it than with the whole browser), else the whole browser. Set CHROMIUM_PATH to use another, or
// set it empty to use Playwright's own browser.
const debianChromium = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium'];
const executablePath = process.env.CHROMIUM_PATH ?? debianChromium.find((path) => existsSync(path));
const port = e2ePort;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	// Tests wait on state, never on time: these ceilings only stop a test that hangs, so a slow,
	// loaded machine makes the suite slower, never red. (The longest journey, three people
	// through an audit, takes about half a minute on an idle machine.)
	timeout: 10 * 60_000,
	expect: { timeout: 60_000 },
	// Two by default. Three, with the build beside the unit tests, left some pages' scripts not
	// started within a minute in CI: E2E_WORKERS tries more.
	workers: Number(process.env.E2E_WORKERS ?? 2),
	retries: 0,
	reporter: process.env.CI ? 'list' : 'line',
	use: {
		baseURL: `http://localhost:${port}`,
		// The server takes the client's address from this header (ADDRESS_HEADER below), so tests
		// that trip the per-address sign-in limit can use addresses of their own.
		extraHTTPHeaders: { 'x-forwarded-for': '10.0.0.1' },
		browserName: 'chromium',
		launchOptions: {
			executablePath: executablePath || undefined,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	projects: [
		{ name: 'chromium', use: {}, testIgnore: /no-javascript\.test\.ts/ },
		{
			name: 'no-javascript',
			use: { javaScriptEnabled: false },
			testMatch: /no-javascript\.test\.ts/
		}
	],
	webServer: {
		// A fresh database each run: the server creates the demo authority in it on start.
		command: `rm -rf ${e2eDatabase} ${e2eDatabase}-wal ${e2eDatabase}-shm ${e2eFiles} && npm start`,
		port,
		env: {
			PORT: String(port),
			DATABASE_URL: `file:./${e2eDatabase}`,
			FILES_DIR: `./${e2eFiles}`,
			ADDRESS_HEADER: 'x-forwarded-for',
			SMTP_URL: '',
			// Request logs only when asked for (LOG_LEVEL=info npx playwright test …).
			LOG_LEVEL: process.env.LOG_LEVEL || 'silent',
			// One server process: the test workers and their browsers share the machine with it,
			// and the tests of several processes start their own (shutdown, operations).
			WEB_CONCURRENCY: '1',
			// So that /metrics is there, and the access test finds it refused without the token.
			METRICS_TOKEN: e2eMetricsToken
		},
		// The first start creates the demo authority: slower on a loaded machine, never a failure.
		timeout: 10 * 60_000,
		reuseExistingServer: false
	}
});
