import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { getFramework } from '$lib/server/framework';
import { getSelfAssessment } from '$lib/server/portfolio/self-assessment';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireRole('practitioner');
	const assessment = await getSelfAssessment(getDb(), params.id);
	if (!assessment || assessment.user_id !== user.id)
		error(404, 'There is no such self-assessment.');
	const framework = getFramework(assessment.framework_version) ?? getFramework()!;
	return {
		assessment,
		frameworkName: framework.version.shortTitle,
		outcomes: framework.domains.flatMap((d) => d.outcomes).map(({ id, title }) => ({ id, title }))
	};
};
