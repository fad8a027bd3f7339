import { requireRole } from '$lib/server/auth/access';
import { enrolmentActions, loadEnrolmentPage } from '$lib/server/programme/enrolment-page';
import type { Actions, PageServerLoad } from './$types';

const psw = () => requireRole('psw');

export const load: PageServerLoad = ({ params }) => loadEnrolmentPage(psw, params.id);

export const actions: Actions = enrolmentActions(psw, (id) => `/workforce/people/${id}/programme`);
