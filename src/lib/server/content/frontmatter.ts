import { parse } from 'yaml';
import type { z } from 'zod';
import { ContentError } from './error.ts';

export interface MarkdownDocument<T> {
	data: T;
	/** The body lines, each with its 1-based line number in the file. */
	lines: { text: string; number: number }[];
	body: string;
}

const fence = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Splits a markdown file into validated frontmatter and body lines. */
export function parseMarkdown<S extends z.ZodType>(
	file: string,
	source: string,
	schema: S
): MarkdownDocument<z.infer<S>> {
	const match = fence.exec(source);
	if (!match) throw new ContentError(file, 'missing the frontmatter block between --- lines');
	let raw: unknown;
	try {
		raw = parse(match[1]);
	} catch (error) {
		throw new ContentError(file, `the frontmatter is not valid YAML (${(error as Error).message})`);
	}
	const result = schema.safeParse(raw ?? {});
	if (!result.success) {
		const problems = result.error.issues
			.map((issue) => `${issue.path.join('.') || 'frontmatter'}: ${issue.message}`)
			.join('; ');
		throw new ContentError(file, `invalid frontmatter (${problems})`);
	}
	const body = source.slice(match[0].length);
	const offset = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
	const lines = body.split(/\r?\n/).map((text, index) => ({ text, number: offset + index + 1 }));
	return { data: result.data, lines, body };
}

/**
 * The texts under a markdown body's `## ` headings, trimmed. Each heading must be one of
 * `headings`, once; a stray one, or text before the first, names the line.
 */
export function sectionsOf(
	file: string,
	lines: MarkdownDocument<unknown>['lines'],
	headings: string[]
): Map<string, string> {
	const sections = new Map<string, string[]>();
	let current: string[] | undefined;
	for (const { text, number } of lines) {
		const heading = /^## +(.*?)\s*$/.exec(text)?.[1];
		if (heading === undefined) {
			if (current) current.push(text);
			else if (text.trim()) throw new ContentError(file, 'text before the first "## " heading', number);
		} else if (headings.includes(heading) && !sections.has(heading)) {
			sections.set(heading, (current = []));
		} else {
			const detail = `"## ${heading}" is not a heading here, or not a second time; the headings are: ${headings.join(', ')}`;
			throw new ContentError(file, detail, number);
		}
	}
	return new Map([...sections].map(([heading, body]) => [heading, body.join('\n').trim()]));
}
