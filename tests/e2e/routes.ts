import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Each route id from the files under src/routes (`/admin/people/[id]`), with its folder. */
export function routeFolders(): Map<string, string> {
	const root = 'src/routes';
	const folders = new Map<string, string>();
	for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !/^\+(page(\.server)?\.(ts|svelte)|server\.ts)$/.test(entry.name))
			continue;
		const dir = relative(root, entry.parentPath)
			.split(sep)
			.filter((part) => part && !/^\(.*\)$/.test(part));
		folders.set(`/${dir.join('/')}`, join(root, relative(root, entry.parentPath)));
	}
	return folders;
}

/** Route ids from the files under src/routes, e.g. `/admin/people/[id]`. */
export function routeIds(): string[] {
	return [...routeFolders().keys()].sort();
}
