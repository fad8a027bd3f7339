import type { Component } from 'svelte';

// Prose content rendered by mdsvex; loaded lazily so each page ships only what it shows.
const modules = import.meta.glob<{ default: Component }>([
	'/content/frameworks/*/index.md',
	'/content/standards/*.md',
	'/content/pathways/*.md',
	'/content/audits/*.md'
]);

/** The mdsvex component for a content file, by its path inside `content/`. */
export async function contentComponent(path: string): Promise<Component | undefined> {
	const load = modules[`/content/${path}`];
	return load ? (await load()).default : undefined;
}
