import type { z } from 'zod';
import type { AuditDefinition } from '../audit/definition.ts';
import { ContentError } from '../content/error.ts';
import { filesUnder, type ContentFiles } from '../content/files.ts';
import { parseYaml, type YamlPath } from '../content/yaml.ts';
import type { CareerStage, Role } from '../db/schema.ts';
import { allIds } from '../framework/query.ts';
import type { Framework } from '../framework/schema.ts';
import type { StandardSet } from '../standards/schema.ts';
import { parseEvidence, type DemoEvidence } from './evidence-file.ts';
import {
	auditsSchema,
	authoritySchema,
	programmeSchema,
	type DemoAudits,
	type DemoAuthority,
	type DemoProgramme
} from './schema.ts';

// The demo authority's content (content/demo/): its people, their portfolios, their programme
// and a year of audits, checked against the framework, the standards and the audit form.

/** The demo portfolios were written against the March 2025 standards. */
export const demoFrameworkVersion = 'pqs-2025';

export interface DemoPerson {
	email: string;
	name: string;
	roles: Role[];
	team?: string;
	stage?: CareerStage;
	/** ASYE programme month today (1–12). */
	asyeMonth?: number;
	/** Email of their current supervisor. */
	supervisor?: string;
}

export interface DemoContent {
	people: DemoPerson[];
	teams: { name: string; manager: string }[];
	evidence: DemoEvidence[];
	programme: DemoProgramme;
	audits: DemoAudits;
}

export interface DemoContext {
	frameworks: Framework[];
	standardSets: StandardSet[];
	audit: AuditDefinition;
}

/** Leaders as written; practitioners in their teams, supervised as the demo describes. */
function peopleOf({ leaders, teams }: DemoAuthority): DemoPerson[] {
	const practitioners = teams.flatMap((team) =>
		team.practitioners.map((p, index): DemoPerson => ({
			...p,
			roles: ['practitioner'],
			team: team.name,
			// ASYEs and every other experienced worker go to the practice supervisor; the rest to the manager.
			supervisor: p.asyeMonth || index % 2 === 0 ? team.practiceSupervisor : team.manager
		}))
	);
	return [...leaders, ...practitioners];
}

/** Reads and checks content/demo; a name, outcome or standard that does not exist names the file. */
export function loadDemoContent(files: ContentFiles, context: DemoContext): DemoContent {
	const framework = context.frameworks.find((f) => f.version.id === demoFrameworkVersion);
	if (!framework)
		throw new ContentError('demo', `is written against ${demoFrameworkVersion}, which is missing`);
	const authority = yamlFile(files, 'authority.yaml', authoritySchema);
	const people = peopleOf(authority.data);
	const audits = yamlFile(files, 'audits.yaml', auditsSchema);
	const known: Record<string, Set<string>> = {
		person: new Set(people.map((p) => p.email)),
		team: new Set(authority.data.teams.map((t) => t.name)),
		'outcome or statement': allIds(framework),
		standard: new Set(
			context.standardSets
				.filter((s) => s.kind === 'practice-standards')
				.flatMap((s) => s.items.map((i) => i.ref))
		),
		area: new Set(context.audit.areas.map((a) => a.id)),
		development: new Set(audits.data.developments.map((f) => f.id)),
		strength: new Set(audits.data.strengths.map((f) => f.id))
	};
	if (known.person.size < people.length)
		throw new ContentError(authority.file, 'names one person twice');
	const check = (file: YamlFile<unknown>, references: Reference[]) => {
		for (const [pattern, kind] of references)
			for (const [value, path] of valuesAt(file.data, pattern))
				if (!known[kind].has(value))
					throw new ContentError(file.file, `there is no ${kind} "${value}"`, file.lineOf(path));
	};
	check(authority, authorityReferences);
	check(audits, auditReferences);
	const programme = yamlFile(files, 'programme.yaml', programmeSchema);
	check(programme, [[['observations', '*', 'statement'], 'outcome or statement']]);
	const evidence = evidenceFiles(files, people).map(({ file, record }) => {
		const refs: [string[], string][] = [
			[record.outcomes, 'outcome or statement'],
			[record.statements, 'outcome or statement'],
			[record.standards, 'standard'],
			[record.review ? [record.review.by] : [], 'person']
		];
		for (const [values, kind] of refs)
			for (const value of values)
				if (!known[kind].has(value)) throw new ContentError(file, `there is no ${kind} "${value}"`);
		return record;
	});
	return {
		people,
		teams: authority.data.teams.map(({ name, manager }) => ({ name, manager })),
		evidence,
		programme: programme.data,
		audits: audits.data
	};
}

type YamlFile<T> = { file: string; data: T; lineOf(path: YamlPath): number | undefined };

function yamlFile<S extends z.ZodType>(files: ContentFiles, name: string, schema: S) {
	const file = `demo/${name}`;
	if (files[file] === undefined) throw new ContentError(file, 'is missing');
	return { file, ...parseYaml(file, files[file], schema) };
}

/** A path into a file's data (`*`: every item; `~`: every key) and what its values name. */
type Reference = [pattern: string[], kind: string];

const authorityReferences: Reference[] = [
	[['leaders', '*', 'team'], 'team'],
	[['teams', '*', 'manager'], 'person'],
	[['teams', '*', 'practiceSupervisor'], 'person']
];

const auditReferences: Reference[] = [
	[['rotation', '*', 'auditors', '*'], 'person'],
	[['rotation', '*', 'practitioners', '*'], 'person'],
	...['practitioner', 'auditor', 'coAuditor'].map((key): Reference => [
		['stories', '*', key],
		'person'
	]),
	[['stories', '*', 'force', '~'], 'area'],
	[['stories', '*', 'developments', '*'], 'development'],
	[['stories', '*', 'strengths', '*'], 'strength'],
	...['developments', 'strengths'].flatMap((list): Reference[] => [
		[[list, '*', 'outcomes', '*'], 'outcome or statement'],
		[[list, '*', 'standards', '*'], 'standard']
	]),
	[['inProgress', 'practitioner'], 'person'],
	[['inProgress', 'auditor'], 'person']
];

/** The string values at a pattern, with their paths. */
function* valuesAt(
	data: unknown,
	pattern: string[],
	path: YamlPath = []
): Generator<[string, YamlPath]> {
	if (pattern.length === 0) {
		if (typeof data === 'string') yield [data, path];
		return;
	}
	if (typeof data !== 'object' || data === null) return;
	const [step, ...rest] = pattern;
	const entries = Object.entries(data).map(
		([key, value]) => [Array.isArray(data) ? Number(key) : key, value] as const
	);
	for (const [key, value] of entries) {
		if (step === '~') yield [String(key), [...path, key]];
		else if (step === '*' || step === key) yield* valuesAt(value, rest, [...path, key]);
	}
}

/** Each person's records, in the order of people and then of the file's number. */
function evidenceFiles(files: ContentFiles, people: DemoPerson[]) {
	const byFolder = new Map(people.map((p) => [p.email.split('@')[0], p.email]));
	const records = Object.entries(filesUnder(files, 'demo/evidence')).map(([file, source]) => {
		const match = /^demo\/evidence\/([^/]+)\/(\d+)-[a-z0-9-]+\.md$/.exec(file);
		if (!match) throw new ContentError(file, 'is not named evidence/<person>/<number>-<words>.md');
		const owner = byFolder.get(match[1]);
		if (!owner) throw new ContentError(file, `there is no person ${match[1]}@demo.test`);
		return { file, number: Number(match[2]), record: parseEvidence(file, source, owner) };
	});
	const rank = (email: string) => people.findIndex((p) => p.email === email);
	return records.sort((a, b) => rank(a.record.owner) - rank(b.record.owner) || a.number - b.number);
}
