import { bundledContent } from '../content/bundled.ts';
import { standardSets } from '../standards/index.ts';
import { loadAuditDefinition, type AuditDefinition } from './definition.ts';

let definition: AuditDefinition | undefined;

/** How the authority audits, from `content/audits/audit.md` (validated at build time). */
export function auditDefinition(): AuditDefinition {
	definition ??= loadAuditDefinition(bundledContent, standardSets());
	return definition;
}
