import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { getImport, importFindings } from '$lib/server/export/imports';
import { getFramework } from '$lib/server/framework';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireRole('practitioner');
	const db = getDb();
	const found = await getImport(db, user.id, params.id);
	if (!found) error(404, 'There is no such import.');
	const versionName = (id: string | null) => (id && getFramework(id)?.version.shortTitle) || id;
	const titles = new Map(found.records.map((r) => [r.id, r.title]));
	return {
		imported: found,
		findings: await importFindings(db, found.records, user.name),
		mappings: found.summary.records
			.filter(
				(r) =>
					r.fate === 'carried' ||
					r.fate === 'unknown-version' ||
					r.notCarried.length ||
					r.standardsDropped.length
			)
			.map((r) => ({
				...r,
				title: titles.get(r.evidenceId) ?? null,
				fromName: versionName(r.from),
				toName: versionName(r.to)
			}))
	};
};
