import { ContentError } from './error.ts';
import type { YamlPath } from './yaml.ts';

/**
 * Checks that the values in a content file name things that exist. `references` maps a dotted
 * path pattern, where `*` is every item and `~` every key (`stories.*.force.~`), to the kind of
 * thing its values name; `known` holds the names of each kind.
 */
export function checkReferences(
	file: { file: string; data: unknown; lineOf?: (path: YamlPath) => number | undefined },
	references: Record<string, string>,
	known: Record<string, Set<string>>
) {
	for (const [pattern, kind] of Object.entries(references))
		for (const [value, path] of valuesAt(file.data, pattern.split('.'), []))
			if (!known[kind].has(value))
				throw new ContentError(file.file, `there is no ${kind} "${value}"`, file.lineOf?.(path));
}

function* valuesAt(data: unknown, pattern: string[], path: YamlPath): Generator<[string, YamlPath]> {
	const [step, ...rest] = pattern;
	if (step === undefined) {
		if (typeof data === 'string') yield [data, path];
		return;
	}
	if (typeof data !== 'object' || data === null) return;
	for (const [name, value] of Object.entries(data)) {
		const key = Array.isArray(data) ? Number(name) : name;
		if (step === '~') yield [name, [...path, key]];
		else if (step === '*' || step === name) yield* valuesAt(value, rest, [...path, key]);
	}
}
