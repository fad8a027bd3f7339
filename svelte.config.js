import { createHash } from 'node:crypto';
import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import headingIds from './src/lib/content/heading-ids.js';

// SvelteKit's route announcer is the one element with a style attribute
// (sveltejs/kit#11993); the policy allows that attribute, by its hash, and no other.
const announcerStyle =
	'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px';
const announcerHash = `sha256-${createHash('sha256').update(announcerStyle).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [vitePreprocess(), mdsvex({ extensions: ['.md'], rehypePlugins: [headingIds] })],
	kit: {
		adapter: adapter(),
		// SvelteKit puts a fresh nonce on its own inline scripts (and the one in app.html) for
		// every page. No 'unsafe-inline' anywhere: our own markup has no style attributes (the
		// heatmap's shades and app.html's wrapper are classes).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-hashes', /** @type {`sha256-${string}`} */ (announcerHash)],
				'img-src': ['self'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
