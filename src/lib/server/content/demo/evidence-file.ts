import { z } from 'zod';
import {
	cpdTypes,
	evidenceStatuses,
	evidenceTypes,
	reflectiveModels
} from '../../../portfolio/vocabulary.ts';
import { ContentError } from '../error.ts';
import { parseMarkdown, sectionsOf } from '../frontmatter.ts';
import type { EvidenceInput } from '../../portfolio/evidence.ts';

// A demo portfolio record: `content/demo/evidence/<owner>/<n>-<slug>.md`, its details in the
// frontmatter and its texts under `## ` headings, read as the evidence form would have them. Fictional and anonymised: children are
// described by age, adults by their role.

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string];

const frontmatter = z.strictObject({
	title: z.string().min(1),
	/** The activity date is this many days before the seed date. */
	daysAgo: z.number().int().min(0),
	type: z.enum(keys(evidenceTypes)),
	model: z.enum(keys(reflectiveModels)),
	cpd: z.enum(keys(cpdTypes)),
	hours: z.number().positive(),
	outcomes: z.array(z.string()).min(1),
	statements: z.array(z.string()),
	/** Items of the practice-standards sets, e.g. `gloucestershire-3`, in their current edition. */
	standards: z.array(z.string()).default([]),
	status: z.enum(keys(evidenceStatuses)),
	/** By the owner's supervisor, this many days after submission (three days after the activity). */
	review: z.strictObject({ by: z.string(), daysAfter: z.number().int().min(0) }).optional()
});

export type DemoEvidence = ReturnType<typeof parseEvidence>;

const required = ['Account', 'Relevance', 'Learning', 'Impact'];

/** Reads one record; a heading the model does not have, or a missing text, names the line. */
export function parseEvidence(file: string, source: string, owner: string) {
	const { data, lines } = parseMarkdown(file, source, frontmatter);
	const prompts = reflectiveModels[data.model].prompts;
	const headings = ['Account', ...prompts.map((p) => p.label), ...required.slice(1)];
	const sections = sectionsOf(file, lines, [...headings, 'Peer reflection', 'Feedback']);
	const section = (name: string) => sections.get(name) ?? '';
	for (const name of required)
		if (!section(name)) throw new ContentError(file, `the "## ${name}" section is missing`);
	if (sections.has('Feedback') && data.status !== 'returned')
		throw new ContentError(file, 'only a returned record has feedback');
	if (!data.review !== (data.status === 'draft' || data.status === 'submitted'))
		throw new ContentError(file, 'accepted and returned records have a review, others do not');
	const { title, type, model, cpd, hours, review, ...details } = data;
	const input: Omit<EvidenceInput, 'activityDate'> = {
		title,
		type,
		account: section('Account'),
		reflectionModel: model,
		reflection: Object.fromEntries(prompts.map((p) => [p.key, section(p.label)])),
		cpdType: cpd,
		cpdRelevance: section('Relevance'),
		cpdLearning: section('Learning'),
		cpdImpact: section('Impact'),
		peerReflected: sections.has('Peer reflection'),
		peerReflection: section('Peer reflection'),
		cpdMinutes: Math.round(hours * 60)
	};
	const feedback = section('Feedback') || undefined;
	return { ...details, owner, input, review: review && { ...review, feedback } };
}
