// `npm run retention`: runs the retention command (command.ts) from its TypeScript source, with
// the content the app is built from, through Vite's module runner, as the build reads it
// (ops/source.js).
import { importSource } from '../ops/source.js';

const module = await importSource('retention/command.ts');
process.exitCode = await /** @type {{ main: (argv: string[]) => Promise<number> }} */ (module).main(
	process.argv.slice(2)
);
