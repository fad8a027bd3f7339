import { contentComponent } from '$lib/content/markdown';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => ({
	...data,
	Introduction: await contentComponent(`frameworks/${data.version.id}/index.md`)
});
