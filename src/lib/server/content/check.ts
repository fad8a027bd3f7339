import { loadFrameworks } from '../framework/load.ts';
import { loadStandardSets } from '../standards/load.ts';
import { loadProgrammes } from '../programme/definition.ts';
import { readContentFiles } from './files.ts';

/**
 * Loads and validates all content from a folder; throws a ContentError naming the file.
 * Runs at the start of every build, so bad content never reaches a server.
 */
export function checkContent(dir = 'content') {
	const files = readContentFiles(dir);
	return {
		...loadFrameworks(files, process.env.FRAMEWORK_VERSION),
		standardSets: loadStandardSets(files),
		programmes: loadProgrammes(files)
	};
}
