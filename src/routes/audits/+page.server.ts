import { isGrade } from '$lib/audit/grades';
import { auditDefinition } from '$lib/server/audit';
import { countAudits, listAudits } from '$lib/server/audit/access';
import { hasRole, requireStaff } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { teamChoices } from '$lib/server/people/teams';
import type { PageServerLoad } from './$types';

/** Audits a page: enough to scan, few enough to load quickly at any size. */
const perPage = 100;

/** The same list on another page, keeping the filters. */
function pageHref(url: URL, page: number) {
	const params = new URLSearchParams(url.searchParams);
	params.set('page', String(page));
	return `/audits?${params}`;
}

export const load: PageServerLoad = async ({ url }) => {
	const user = requireStaff();
	const status = url.searchParams.get('status');
	const grade = url.searchParams.get('grade');
	const filters = {
		status:
			status === 'draft' || status === 'finalised' ? (status as 'draft' | 'finalised') : undefined,
		grade: isGrade(grade) ? grade : undefined,
		attention: url.searchParams.get('attention') === 'yes'
	};
	const types = new Map(auditDefinition().types.map((t) => [t.id, t.title]));
	const total = await countAudits(getDb(), user, filters);
	const pages = Math.max(1, Math.ceil(total / perPage));
	const page = Math.min(pages, Math.max(1, Number(url.searchParams.get('page')) || 1));
	const audits = await listAudits(getDb(), user, filters, undefined, {
		limit: perPage,
		offset: (page - 1) * perPage
	});
	return {
		audits: audits.map((a) => ({
			...a,
			typeTitle: types.get(a.type) ?? a.type,
			overdueActions: Number(a.overdueActions ?? 0)
		})),
		filters: { status: status ?? '', grade: grade ?? '', attention: filters.attention },
		paging: {
			page,
			pages,
			total,
			previous: page > 1 ? pageHref(url, page - 1) : null,
			next: page < pages ? pageHref(url, page + 1) : null
		},
		canRecord: hasRole(user, 'auditor'),
		canSeeImpact: hasRole(user, 'psw') || (await teamChoices(getDb(), user.id)).length > 0,
		seesAll: hasRole(user, 'psw', 'admin')
	};
};
