import { loadFrameworks } from '../framework/load.ts';
import { loadStandardSets } from '../standards/load.ts';
import { loadProgrammes } from '../programme/definition.ts';
import { loadAuditDefinition } from '../audit/definition.ts';
import { loadPathways } from '../pathways/definition.ts';
import { loadCpdRule } from '../workforce/cpd-rule.ts';
import { loadAnonymityLists } from '../portfolio/anonymity-lists.ts';
import { loadDemoContent } from './demo/load.ts';
import { loadRetentionPolicy } from '../retention/policy.ts';
import { loadQuestionSets } from '../health-check/questions.ts';
import { readContentFiles } from './files.ts';

/**
 * Loads and validates all content from a folder; throws a ContentError naming the file.
 * Runs at the start of every build, so bad content never reaches a server.
 */
export function checkContent(dir = 'content') {
	const files = readContentFiles(dir);
	const frameworks = loadFrameworks(files, process.env.FRAMEWORK_VERSION);
	const standardSets = loadStandardSets(files);
	const audit = loadAuditDefinition(files, standardSets);
	const pathways = loadPathways(files, frameworks.current, standardSets);
	return {
		...frameworks,
		standardSets,
		programmes: loadProgrammes(files),
		audit,
		pathways,
		cpdRule: loadCpdRule(files),
		anonymity: loadAnonymityLists(files),
		retention: loadRetentionPolicy(files),
		healthCheck: loadQuestionSets(files),
		demo: loadDemoContent(files, { frameworks: frameworks.frameworks, standardSets, audit, pathways })
	};
}
