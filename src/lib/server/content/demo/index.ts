import { auditDefinition } from '../../audit/index.ts';
import { frameworkLibrary } from '../../framework/index.ts';
import { pathways } from '../../pathways/index.ts';
import { standardSets } from '../../standards/index.ts';
import { bundledContent } from '../bundled.ts';
import { loadDemoContent, type DemoContent } from './load.ts';

export { demoFrameworkVersion, type DemoContent, type DemoPerson } from './load.ts';
export type { DemoEvidence } from './evidence-file.ts';
export type { DemoAudits, DemoFinding, DemoProgramme, DemoVoices } from './schema.ts';

let content: DemoContent | undefined;

/** content/demo as bundled at build (the build has checked it); only the demo seed reads it. */
export function demoContent(): DemoContent {
	content ??= loadDemoContent(bundledContent, {
		frameworks: frameworkLibrary().frameworks,
		standardSets: standardSets(),
		audit: auditDefinition(),
		pathways: pathways()
	});
	return content;
}
