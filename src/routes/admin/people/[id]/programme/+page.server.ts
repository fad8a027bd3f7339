import { requireRole } from '$lib/server/auth/access';
import { enrolmentActions, loadEnrolmentPage } from '$lib/server/programme/enrolment-page';
import type { Actions, PageServerLoad } from './$types';

const admin = () => requireRole('admin');

export const load: PageServerLoad = ({ params }) => loadEnrolmentPage(admin, params.id);

export const actions: Actions = enrolmentActions(admin, (id) => `/admin/people/${id}/programme`);
