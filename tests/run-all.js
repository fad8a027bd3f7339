// `npm test`: every check, the way CI runs it. The type check then the build, the lint, and the
// unit and database tests run side by side (they read the code and write nothing the others
// read); the browser tests run on the build once it and the unit tests are done, beside the
// lint if it is still running. Each step's output is prefixed with its name, and the time each
// took is printed.
import { spawn } from 'node:child_process';

const started = Date.now();
/** @param {number} from */
const seconds = (from) => `${Math.round((Date.now() - from) / 1000)} s`;
/** @type {string[]} */
const times = [];

/**
 * Runs npm scripts one after another, prefixing their output; resolves false on the first failure.
 * @param {string} name
 * @param {string[]} scripts
 */
async function steps(name, scripts) {
	for (const script of scripts) {
		const from = Date.now();
		const ok = await new Promise((resolve) => {
			const child = spawn('npm', ['run', '-s', script], {
				stdio: ['ignore', 'pipe', 'pipe'],
				env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' }
			});
			for (const stream of [child.stdout, child.stderr]) {
				let rest = '';
				stream.on('data', (chunk) => {
					const lines = (rest + chunk).split('\n');
					rest = lines.pop() ?? '';
					for (const line of lines) process.stdout.write(`[${name}] ${line}\n`);
				});
				stream.on('end', () => rest && process.stdout.write(`[${name}] ${rest}\n`));
			}
			child.on('close', (code) => resolve(code === 0));
		});
		times.push(`${script}: ${seconds(from)}${ok ? '' : ' (failed)'}`);
		if (!ok) return false;
	}
	return true;
}

// The generated types first, once: each step below would otherwise make them at the same time.
// The linters use one processor, so once the build and the unit tests are done the browser tests
// start beside them rather than leave the other idle.
const synced = await steps('sync', ['sync']);
const linted = synced && steps('lint', ['lint']);
const built =
	synced &&
	(
		await Promise.all([steps('check', ['check:types', 'build']), steps('unit', ['test:unit'])])
	).every(Boolean);
const tested = built && (await steps('e2e', ['test:e2e']));
const ok = (await linted) && tested;
console.log(`\n${times.join('\n')}\nIn all: ${seconds(started)}${ok ? '' : ' — FAILED'}`);
process.exit(ok ? 0 : 1);
