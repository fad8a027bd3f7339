import type { ContentFiles } from './files.ts';

/** The content folder as it was at build time: the app reads nothing from disk at run time. */
export const bundledContent: ContentFiles = Object.fromEntries(
	Object.entries(
		import.meta.glob<string>('/content/**/*.{md,yaml,txt}', {
			query: '?raw',
			import: 'default',
			eager: true
		})
	).map(([path, source]) => [path.replace(/^\/content\//, ''), source])
);
