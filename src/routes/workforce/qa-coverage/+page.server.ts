import { loadWorkforceView } from '$lib/server/workforce/page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => loadWorkforceView('qa-coverage', url, true);
