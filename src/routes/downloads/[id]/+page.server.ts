import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { getJob, keptFor } from '$lib/server/export/pdf-jobs';
import type { PageServerLoad } from './$types';

/** How far a PDF being made in the background has got: the person who asked for it only. */
export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const job = await getJob(getDb(), user.id, params.id);
	if (!job)
		error(
			404,
			'There is no such download: it was downloaded already, or made more than 10 minutes ago. Ask for it again.'
		);
	return {
		title: job.title,
		href: job.href,
		back: job.back,
		records: job.records,
		startedAt: job.startedAt,
		stage: job.stage,
		keptForMinutes: keptFor / 60_000
	};
};
