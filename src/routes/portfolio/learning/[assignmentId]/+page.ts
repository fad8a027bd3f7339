import { contentComponent } from '$lib/content/markdown';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => ({
	...data,
	Body: await contentComponent(data.work.pathway.file)
});
