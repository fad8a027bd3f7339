import { readdirSync } from 'node:fs';
import { relative, sep } from 'node:path';

/** Route ids from the files under src/routes, e.g. `/admin/people/[id]`. */
export function routeIds(): string[] {
	const root = 'src/routes';
	const ids = new Set<string>();
	for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !/^\+(page(\.server)?\.(ts|svelte)|server\.ts)$/.test(entry.name))
			continue;
		const dir = relative(root, entry.parentPath)
			.split(sep)
			.filter((part) => part && !/^\(.*\)$/.test(part));
		ids.add(`/${dir.join('/')}`);
	}
	return [...ids].sort();
}
