import { requirePortfolioOwner } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import {
	frameworkFromUrl,
	listVersions,
	outcomesOf,
	versionQuery,
	versionView
} from '$lib/server/framework';
import { portfolioPeriods } from '$lib/server/export/portfolio-contents';
import { listEvidence } from '$lib/server/portfolio/list';
import { practiceStandardSets } from '$lib/server/standards';
import type { PageServerLoad } from './$types';

const isDate = (value: string | null) =>
	value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;

export const load: PageServerLoad = async ({ url }) => {
	const user = await requirePortfolioOwner();
	const param = (name: string) => url.searchParams.get(name)?.trim() || undefined;
	const filters = {
		type: param('type'),
		outcome: param('outcome'),
		standard: param('standard'),
		status: param('status'),
		from: isDate(param('from') ?? null),
		to: isDate(param('to') ?? null),
		q: param('q')
	};
	// Read in any version, `?version=`: records mapped in another show through the crosswalks.
	const framework = frameworkFromUrl(url);
	return {
		filters,
		version: framework.version,
		versions: listVersions(),
		query: versionQuery(framework),
		records: await listEvidence(getDb(), user.id, filters, versionView(framework)),
		outcomes: outcomesOf(framework).map(({ id, title }) => ({ id, title })),
		standards: practiceStandardSets().flatMap((set) =>
			set.items.map((item) => ({
				value: item.ref,
				label: `${set.title}, standard ${item.number}: ${item.title}`
			}))
		),
		// Someone who is not a practitioner keeps their CPD records here, and nothing of a programme.
		practitioner: user.roles.includes('practitioner'),
		saved: url.searchParams.get('saved'),
		periods: await portfolioPeriods(getDb(), user.id)
	};
};
