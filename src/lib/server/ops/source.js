// The app's TypeScript modules for commands and benches that run outside SvelteKit
// (`npm run retention`, bench/anonymity.js, bench/recounts.js): loaded from source through
// Vite's module runner, with `$lib` as the app has it and `$env/dynamic/private` as it is in the
// running server, the process's environment. `svelte-kit sync` must have run first: it writes
// the TypeScript settings Vite needs.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * The module at `path` under src/lib/server.
 * @param {string} path
 * @returns {Promise<any>}
 */
export async function importSource(path) {
	const { module } = await runnerImport(`${root}src/lib/server/${path}`, {
		configFile: false,
		root,
		logLevel: 'error',
		resolve: {
			alias: {
				$lib: `${root}src/lib`,
				'$env/dynamic/private': `${root}src/lib/server/retention/process-env.js`
			}
		}
	});
	return module;
}
