import { fail, redirect } from '@sveltejs/kit';
import { plural } from '$lib/format';
import { withNotice } from '$lib/notice';
import { requireRole } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { invalid, readFormData, textOf } from '$lib/server/forms';
import { importColumns } from '$lib/server/people/import/columns';
import { checkStaffFile, invitesByEmail, recentImports } from '$lib/server/people/import/imports';
import type { Actions, PageServerLoad } from './$types';

/** Far more than a file of every member of staff: 10,000 rows of about 200 characters. */
const maxFileBytes = 5 * 1024 * 1024;
/** Problems shown for a file with more: the first thousand say what to correct first. */
const maxShown = 1000;

export const load: PageServerLoad = async () => {
	requireRole('admin');
	return {
		columns: importColumns,
		invites: invitesByEmail(),
		imports: await recentImports(getDb())
	};
};

export const actions: Actions = {
	// The dry run: a file without problems is kept, to be applied from its own page.
	default: async ({ request }) => {
		const admin = requireRole('admin');
		const form = await readFormData(request);
		const options = {
			everyone: textOf(form, 'everyone') === 'yes',
			createTeams: textOf(form, 'createTeams') === 'yes'
		};
		const values = {
			everyone: options.everyone ? 'yes' : '',
			createTeams: options.createTeams ? 'yes' : ''
		};
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0)
			return invalid(values, { file: 'Choose a CSV file to upload' });
		if (file.size > maxFileBytes)
			return invalid(values, { file: 'The file must be 5 MB or smaller' });
		const checked = await checkStaffFile(getDb(), admin.id, {
			fileName: file.name,
			bytes: new Uint8Array(await file.arrayBuffer()),
			...options
		});
		if ('id' in checked) redirect(303, withNotice(`/admin/import/${checked.id}`, 'checked'));
		const { plan } = checked;
		return fail(400, {
			values,
			errors: {
				file: `The file has ${plural(plan.problems.length, 'problem')}: correct ${plan.problems.length === 1 ? 'it' : 'them'} and upload it again`
			},
			report: {
				fileName: file.name,
				problems: plan.problems.slice(0, maxShown),
				total: plan.problems.length,
				add: plan.add.length,
				change: plan.change.length,
				deactivate: plan.deactivate.length
			}
		});
	}
};
