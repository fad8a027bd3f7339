import type { z } from 'zod';
import type { AuditDefinition } from '../../audit/definition.ts';
import { ContentError } from '../error.ts';
import { filesUnder, type ContentFiles } from '../files.ts';
import { checkReferences } from '../references.ts';
import { readYaml, type YamlPath } from '../yaml.ts';
import { allIds } from '../../framework/query.ts';
import type { Framework } from '../../framework/schema.ts';
import type { Pathway } from '../../pathways/definition.ts';
import type { StandardSet } from '../../standards/schema.ts';
import { parseEvidence, type DemoEvidence } from './evidence-file.ts';
import {
	auditsSchema,
	authoritySchema,
	programmeSchema,
	voicesSchema,
	type DemoProgramme,
	type leaderSchema
} from './schema.ts';

// The demo authority's content (content/demo/): its people, their portfolios, their programme
// and a year of audits, checked against the framework, the standards, the audit form and the
// pathways.

/** The demo portfolios were written against the March 2025 standards. */
export const demoFrameworkVersion = 'pqs-2025';

export type DemoPerson = z.infer<typeof leaderSchema> & {
	/** ASYE programme month today (1–12). */
	asyeMonth?: number;
	/** Email of their current supervisor, and of their assessor (an external one, or the same). */
	supervisor?: string;
	assessor?: string;
	/** Supervised by someone else for their first months. */
	before?: { supervisor: string; months: number };
};

export type DemoContent = ReturnType<typeof loadDemoContent>;

type ReferringFile = Parameters<typeof checkReferences>[0];
type ProgrammeFile = ReferringFile & { data: DemoProgramme };

/** Leaders as written; practitioners in their teams, supervised and assessed as the demo says. */
function peopleOf({ leaders, teams }: z.infer<typeof authoritySchema>): DemoPerson[] {
	const assessorOf = new Map(leaders.flatMap((l) => (l.assesses ?? []).map((e) => [e, l.email])));
	const practitioners = teams.flatMap((team) =>
		team.practitioners.map(({ newStarter, managerFirst, ...p }, index): DemoPerson => {
			// ASYEs and every other experienced worker go to the practice supervisor; the rest to the
			// manager; a new starter to nobody yet.
			const supervisor = newStarter
				? undefined
				: p.asyeMonth || index % 2 === 0
					? team.practiceSupervisor
					: team.manager;
			return {
				...p,
				roles: ['practitioner'],
				team: team.name,
				supervisor,
				assessor: supervisor && (assessorOf.get(p.email) ?? supervisor),
				before: managerFirst ? { supervisor: team.manager, months: managerFirst } : undefined
			};
		})
	);
	return [...leaders, ...practitioners];
}

/** Reads and checks content/demo; a name, outcome or standard that does not exist names the file. */
export function loadDemoContent(
	files: ContentFiles,
	context: {
		frameworks: Framework[];
		standardSets: StandardSet[];
		audit: AuditDefinition;
		pathways: Pathway[];
	}
) {
	const framework = context.frameworks.find((f) => f.version.id === demoFrameworkVersion);
	if (!framework)
		throw new ContentError('demo', `is written against ${demoFrameworkVersion}, which is missing`);
	const authority = readYaml(files, 'demo/authority.yaml', authoritySchema);
	const programme = readYaml(files, 'demo/programme.yaml', programmeSchema);
	const audits = readYaml(files, 'demo/audits.yaml', auditsSchema);
	const voices = readYaml(files, 'demo/voices.yaml', voicesSchema);
	const people = peopleOf(authority.data);
	const standards = context.standardSets.filter((s) => s.kind === 'practice-standards');
	const known: Record<string, Set<string>> = {
		person: new Set(people.map((p) => p.email)),
		team: new Set(authority.data.teams.map((t) => t.name)),
		outcome: allIds(framework),
		standard: new Set(standards.flatMap((s) => s.items.map((i) => i.ref))),
		area: new Set(context.audit.areas.map((a) => a.id)),
		development: new Set(audits.data.developments.map((f) => f.id)),
		strength: new Set(audits.data.strengths.map((f) => f.id)),
		pathway: new Set(context.pathways.map((p) => p.id))
	};
	if (known.person.size < people.length)
		throw new ContentError(authority.file, 'names one person twice');
	const evidence = evidenceFiles(files, people);
	const check = (file: ReferringFile, kinds: Record<string, string>) => {
		checkPeople(file, known.person);
		checkReferences(file, kinds, known);
	};
	check(authority, references.authority);
	check(programme, references.programme);
	check(audits, references.audits);
	check(voices, references.voices);
	for (const { file, record } of evidence) check({ file, data: record }, references.evidence);
	checkFeedbackRecords(programme, evidence.map(({ record }) => record));
	return {
		people,
		teams: authority.data.teams.map(({ name, manager, service }) => ({ name, manager, service })),
		evidence: evidence.map(({ record }) => record),
		programme: programme.data,
		audits: audits.data,
		voices: voices.data
	};
}

// What the values in each file name, besides people. Outcomes include their statements ("2.3 D4").
const references = {
	authority: { 'leaders.*.team': 'team' },
	programme: {
		'observations.*.statement': 'outcome',
		'invitedObservations.recorded.statement': 'outcome'
	},
	audits: {
		'stories.*.force.~': 'area',
		'stories.*.developments.*': 'development',
		'stories.*.strengths.*': 'strength',
		'developments.*.outcomes.*': 'outcome',
		'developments.*.standards.*': 'standard',
		'strengths.*.outcomes.*': 'outcome',
		'strengths.*.standards.*': 'standard',
		'pathways.*.pathway': 'pathway',
		'pathways.toTeam.team': 'team'
	},
	evidence: { 'outcomes.*': 'outcome', 'statements.*': 'outcome', 'standards.*': 'standard' },
	voices: { 'healthCheck.answered.~': 'team' }
};

/** Every @demo.test address in a file, as a value or as a key, names a person of the authority. */
function checkPeople(file: ReferringFile, people: Set<string>) {
	const visit = (value: unknown, path: YamlPath): void => {
		if (typeof value === 'string' && value.endsWith('@demo.test') && !people.has(value))
			throw new ContentError(file.file, `there is no person "${value}"`, file.lineOf?.(path));
		if (typeof value !== 'object' || value === null) return;
		for (const [key, item] of Object.entries(value)) {
			const at = [...path, Array.isArray(value) ? Number(key) : key];
			visit(key, at);
			visit(item, at);
		}
	};
	visit(file.data, []);
}

/** A request for feedback is about one of the demo ASYE's own records, named by its title. */
function checkFeedbackRecords(file: ProgrammeFile, records: DemoEvidence[]) {
	const { demoAsye, feedback } = file.data;
	const titles = records.filter((r) => r.owner === demoAsye).map((r) => r.input.title);
	for (const [key, { about }] of Object.entries(feedback))
		if (about && !titles.includes(about)) {
			const line = file.lineOf?.(['feedback', key, 'about']);
			throw new ContentError(file.file, `the demo ASYE has no record "${about}"`, line);
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
