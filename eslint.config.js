import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// The service is always served from the root (no `paths.base`), so plain hrefs are right.
			'svelte/no-navigation-without-resolve': 'off',
			'no-restricted-syntax': [
				'error',
				{
					selector: "CallExpression[callee.property.name='localeCompare'][arguments.length>2]",
					message:
						'localeCompare with options makes a new collator on every call (about 7 µs): use byNumber from $lib/order, or one Intl.Collator made once.'
				}
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		// Without type information (`projectService`): parsing every Svelte file with its types took
		// 110 of the lint's 150 seconds on an idle machine, growing faster than the files do
		// (sveltejs/eslint-plugin-svelte#1084), for one rule that needs them, which is therefore off.
		// The type check (svelte-check) still reads every file with its types.
		languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } },
		rules: { 'svelte/no-unused-props': 'off' }
	}
);
