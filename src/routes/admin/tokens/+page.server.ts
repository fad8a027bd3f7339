import { requireRole } from '$lib/server/auth/access';
import { apiTokenActions, loadApiTokens } from '$lib/server/auth/api-token-page';
import type { Actions, PageServerLoad } from './$types';

const admin = () => requireRole('admin');

export const load: PageServerLoad = () => loadApiTokens(admin);

export const actions: Actions = apiTokenActions(admin);
