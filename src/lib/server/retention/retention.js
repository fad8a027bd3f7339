// `npm run retention`: runs the retention command (command.ts) from its TypeScript source, with
// the content the app is built from, through Vite's module runner, as the build reads it.
// `npm run retention` first runs `svelte-kit sync`, which writes the TypeScript settings Vite
// needs. Outside SvelteKit, `$env/dynamic/private` is what it is in the running server: the
// process's environment.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const { module } = await runnerImport(`${root}src/lib/server/retention/command.ts`, {
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
process.exitCode = await /** @type {{ main: (argv: string[]) => Promise<number> }} */ (module).main(
	process.argv.slice(2)
);
