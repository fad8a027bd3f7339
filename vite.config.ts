import { sveltekit } from '@sveltejs/kit/vite';
import { NodePackageImporter } from 'sass';
import { availableParallelism } from 'node:os';
import { createLogger } from 'vite';
import { defineConfig, type Plugin } from 'vitest/config';
import { checkContent } from './src/lib/server/content/check.ts';

/** Fails `vite build` (and the dev server's start) when the framework content is invalid. */
function validateContent(): Plugin {
	return {
		name: 'golden-thread:validate-content',
		buildStart() {
			checkContent();
		}
	};
}

/**
 * SvelteKit tags every page with an ETag, a hash of its whole HTML worked out in JavaScript: 1.4 ms
 * of the audit analysis's 10 ms of processor time, about 16 ns a character. Here the tag can
 * never match: every page carries a fresh CSP nonce, so no two answers are alike, and signed-in
 * pages are `no-store`. This leaves the hash out of the build; the build fails if SvelteKit's
 * line changes, rather than quietly keep it.
 */
function withoutPageEtags(): Plugin {
	const line = 'headers.set(\'etag\', `"${hash(transformed)}"`);';
	return {
		name: 'golden-thread:without-page-etags',
		transform(code, id) {
			if (!id.replaceAll('\\', '/').endsWith('/@sveltejs/kit/src/runtime/server/page/render.js'))
				return;
			if (!code.includes(line)) this.error(`SvelteKit's page ETag is no longer \`${line}\``);
			return code.replace(line, '');
		}
	};
}

/**
 * Warnings the build prints that are known and harmless, each with why, so that any other
 * warning stands out and means something.
 */
const knownHarmless: { pattern: RegExp; why: string }[] = [
	{
		pattern: /govuk-crest\.svg.*didn't resolve at build time/,
		why: 'govuk-frontend styles the footer crest; this service shows no crown, so nothing uses it'
	},
	{
		pattern: /Invalid media query[\s\S]*min-width: 0/,
		why: 'govuk-frontend keeps one legacy browser hack; lightningcss drops that rule only'
	}
];

function quietLogger() {
	const logger = createLogger();
	const warn = logger.warn;
	logger.warn = (message, options) => {
		if (!knownHarmless.some(({ pattern }) => pattern.test(message))) warn(message, options);
	};
	logger.warnOnce = logger.warn;
	return logger;
}

export default defineConfig({
	customLogger: quietLogger(),
	plugins: [validateContent(), withoutPageEtags(), sveltekit()],
	css: {
		preprocessorOptions: {
			scss: { importers: [new NodePackageImporter()] }
		},
		// govuk-frontend still carries one legacy IE hack that lightningcss would reject.
		lightningcss: { errorRecovery: true }
	},
	// `npm run dev` and `npm run preview` listen on PORT, like `npm start`.
	server: { port: Number(process.env.PORT) || 3000 },
	preview: { port: Number(process.env.PORT) || 3000 },
	build: {
		// Plugin timing reports are for profiling the build, not for every run.
		rolldownOptions: { checks: { pluginTimings: false } }
	},
	test: {
		include: ['src/**/*.spec.ts', 'bench/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
		environment: 'node',
		globalSetup: ['src/lib/server/db/test-templates.ts', 'src/lib/server/db/test-summary.ts'],
		// Vitest's default is one fewer than the processors, one on a 2-processor machine: test
		// files wait on their databases often enough that two keep both processors busy.
		maxWorkers: Math.max(2, availableParallelism() - 1),
		// Test files share their worker's modules rather than each importing everything again
		// (the language model of the anonymity check, Kysely, zod): imports were 180 of the 280
		// seconds Vitest counted on an idle machine, and without them the run takes half the
		// processor time (402 to 191 s). So a test that changes what is process-wide puts it
		// back: environment variables through `vi.stubEnv` and `vi.unstubAllEnvs`, never by
		// assigning to them.
		isolate: false,
		// Database tests wait on the database: a busy machine makes them slower, never red.
		testTimeout: 120_000,
		hookTimeout: 120_000
	}
});
