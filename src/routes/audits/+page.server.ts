import { isGrade } from '$lib/audit/grades';
import { pageOf } from '$lib/paging';
import { auditDefinition } from '$lib/server/audit';
import { countAudits, listAudits } from '$lib/server/audit/access';
import { hasRole, requireStaff } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { teamChoices } from '$lib/server/people/teams';
import type { PageServerLoad } from './$types';

/** Audits a page: enough to scan, few enough to load quickly at any size. */
const perPage = 100;

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
	const paging = pageOf(url.searchParams.get('page'), total, perPage);
	const audits = await listAudits(getDb(), user, filters, undefined, {
		limit: perPage,
		offset: paging.offset
	});
	return {
		audits: audits.map((a) => ({
			...a,
			typeTitle: types.get(a.type) ?? a.type,
			overdueActions: Number(a.overdueActions ?? 0)
		})),
		filters: { status: status ?? '', grade: grade ?? '', attention: filters.attention },
		paging,
		canRecord: hasRole(user, 'auditor'),
		canSeeImpact: hasRole(user, 'psw') || (await teamChoices(getDb(), user.id)).length > 0,
		seesAll: hasRole(user, 'psw', 'admin')
	};
};
