import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ContentError } from './error.ts';
import type { ContentFiles } from './files.ts';

export type YamlPath = (string | number)[];

export interface YamlDocument<T> {
	data: T;
	/** The line of the value at `path`, or of the nearest enclosing one that exists. */
	lineOf(path: YamlPath): number | undefined;
}

/** Parses a YAML content file and validates it; a problem names the file and the line. */
export function parseYaml<S extends z.ZodType>(
	file: string,
	source: string,
	schema: S
): YamlDocument<z.infer<S>> {
	const lines = new LineCounter();
	const document = parseDocument(source, { lineCounter: lines, prettyErrors: false });
	const [error] = document.errors;
	if (error)
		throw new ContentError(
			file,
			`not valid YAML (${error.message.split('\n')[0]})`,
			lines.linePos(error.pos[0]).line
		);
	const lineOf = (path: YamlPath) => {
		for (let n = path.length; n >= 0; n--) {
			const node = document.getIn(path.slice(0, n), true) as { range?: number[] } | undefined;
			if (node?.range) return lines.linePos(node.range[0]).line;
		}
	};
	const result = schema.safeParse(document.toJS() ?? {});
	if (!result.success) {
		const [issue] = result.error.issues;
		const where = issue.path.join('.');
		throw new ContentError(
			file,
			`${where ? `${where}: ` : ''}${issue.message}`,
			lineOf(issue.path as YamlPath)
		);
	}
	return { data: result.data, lineOf };
}

/** A YAML file that must be there, parsed and validated. */
export function readYaml<S extends z.ZodType>(files: ContentFiles, file: string, schema: S) {
	if (files[file] === undefined) throw new ContentError(file, 'is missing');
	return { file, ...parseYaml(file, files[file], schema) };
}
