import { z } from 'zod';
import { ContentError } from '../content/error.ts';
import { filesUnder, type ContentFiles } from '../content/files.ts';
import { parseMarkdown } from '../content/frontmatter.ts';

// The staff health check's questions (content/health-check/<year>.md): statements to agree or
// disagree with, and at most one question answered in the person's own words. An authority
// replaces them with its own.

const question = z.strictObject({
	id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'),
	kind: z.enum(['scale', 'text']).default('scale'),
	/** A few words, for the results' column headings. */
	label: z.string().min(1).max(40),
	text: z.string().min(1).max(300)
});

export const questionSetSchema = z.object({
	year: z.number().int().min(2000).max(2100),
	title: z.string().min(1),
	questions: z.array(question).min(1).max(20)
});

export type HealthCheckQuestion = z.infer<typeof question>;

export interface QuestionSet extends z.infer<typeof questionSetSchema> {
	/** What the form says first, as plain paragraphs. */
	introduction: string[];
}

/** Every year's questions, oldest first; throws naming the file when one is wrong. */
export function loadQuestionSets(files: ContentFiles): QuestionSet[] {
	const sets = Object.entries(filesUnder(files, 'health-check')).map(([file, source]) => {
		const { data, body } = parseMarkdown(file, source, questionSetSchema);
		if (file !== `health-check/${data.year}.md`)
			throw new ContentError(file, `is for ${data.year}, so must be named ${data.year}.md`);
		const ids = data.questions.map((q) => q.id);
		if (new Set(ids).size < ids.length) throw new ContentError(file, 'names a question id twice');
		const kinds = data.questions.map((q) => q.kind);
		if (!kinds.includes('scale'))
			throw new ContentError(file, 'needs at least one question of the agree–disagree scale');
		if (kinds.filter((k) => k === 'text').length > 1)
			throw new ContentError(file, 'may have one question answered in words, not more');
		const introduction = body
			.split(/\n\s*\n/)
			.map((p) => p.replace(/\s+/g, ' ').trim())
			.filter(Boolean);
		return { ...data, introduction };
	});
	if (!sets.length)
		throw new ContentError('health-check', 'has no questions: add health-check/<year>.md');
	return sets.sort((a, b) => a.year - b.year);
}

/** The questions a survey for `year` asks: the newest set for that year or before (else the first). */
export function questionsFor(sets: QuestionSet[], year: number): QuestionSet {
	return sets.filter((s) => s.year <= year).at(-1) ?? sets[0];
}
