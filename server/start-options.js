import { readFileSync } from 'node:fs';

// For the tools that start the server themselves (the benches, the browser tests' own servers):
// the options `npm start` gives Node, the `--…` words of its `start` script, so that what they
// start and time is the server `npm start` runs.

/** @returns {string[]} */
export function startOptions() {
	const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
	const words = scripts.start.split(/\s+/);
	return words
		.slice(words.indexOf('node') + 1)
		.filter((/** @type {string} */ word) => word.startsWith('--'));
}
