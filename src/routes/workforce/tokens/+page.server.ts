import { requireRole } from '$lib/server/auth/access';
import { apiTokenActions, loadApiTokens } from '$lib/server/auth/api-token-page';
import type { Actions, PageServerLoad } from './$types';

const psw = () => requireRole('psw');

export const load: PageServerLoad = () => loadApiTokens(psw);

export const actions: Actions = apiTokenActions(psw);
