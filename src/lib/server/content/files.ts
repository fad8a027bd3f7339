import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Content files keyed by their path inside the content folder, e.g. `frameworks/pqs-2025/index.md`. */
export type ContentFiles = Record<string, string>;

/** The kinds of file content is written in: markdown, YAML and plain-text lists. */
export const contentExtensions = ['.md', '.yaml', '.txt'];

/** Reads every content file under `dir`. Used by the build check and by tests with fixtures. */
export function readContentFiles(dir: string): ContentFiles {
	const files: ContentFiles = {};
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !contentExtensions.some((ext) => entry.name.endsWith(ext))) continue;
		const path = join(entry.parentPath, entry.name);
		files[relative(dir, path).split(sep).join('/')] = readFileSync(path, 'utf8');
	}
	return files;
}

/** The files below `folder/` (keys keep their full path). */
export function filesUnder(files: ContentFiles, folder: string): ContentFiles {
	const prefix = folder.endsWith('/') ? folder : `${folder}/`;
	return Object.fromEntries(Object.entries(files).filter(([path]) => path.startsWith(prefix)));
}
