import { sveltekit } from '@sveltejs/kit/vite';
import { NodePackageImporter } from 'sass';
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

export default defineConfig({
	plugins: [validateContent(), sveltekit()],
	css: {
		preprocessorOptions: {
			scss: { importers: [new NodePackageImporter()] }
		},
		// govuk-frontend still carries one legacy IE hack that lightningcss would reject.
		lightningcss: { errorRecovery: true }
	},
	server: { port: 3000 },
	preview: { port: 3000 },
	test: {
		include: ['src/**/*.spec.ts', 'bench/**/*.spec.ts'],
		environment: 'node',
		// Database tests wait on the database: a busy machine makes them slower, never red.
		testTimeout: 120_000,
		hookTimeout: 120_000
	}
});
