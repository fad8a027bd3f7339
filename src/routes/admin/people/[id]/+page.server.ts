import { error, fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/access';
import { firstSignInWords, sendInvitation, sendPasswordReset } from '$lib/server/auth/invitations';
import { invalidateUserSessions } from '$lib/server/auth/session';
import { hasTwoFactor, turnOffTwoFactor } from '$lib/server/auth/two-factor';
import { getDb } from '$lib/server/db';
import { eventsFor } from '$lib/server/db/events';
import { invalid, orFail, parseForm, readFormData } from '$lib/server/forms';
import { personFormLists, personFormSchema } from '$lib/server/people/person-form';
import { relationshipHistory } from '$lib/server/people/relationships';
import { listTeams } from '$lib/server/people/teams';
import { deactivatePerson, type LeaverSummary } from '$lib/server/people/leavers';
import { getPerson, setPersonActive, updatePerson, yetToSignIn } from '$lib/server/people/users';
import { plural } from '$lib/format';
import type { Actions, PageServerLoad } from './$types';

async function findPerson(id: string) {
	const person = await getPerson(getDb(), id);
	if (!person) error(404, 'There is nobody with this id.');
	return person;
}

export const load: PageServerLoad = async ({ params, url }) => {
	requireRole('admin');
	const db = getDb();
	const { password_hash, ...person } = await findPerson(params.id);
	const yetTo = await yetToSignIn(db, [{ ...person, password_hash }]);
	return {
		person: { ...person, invited: yetTo({ ...person, password_hash }) },
		words: firstSignInWords(),
		twoFactor: await hasTwoFactor(db, person.id),
		teams: await listTeams(db),
		relationships: await relationshipHistory(db, person.id),
		events: await eventsFor(db, 'user', person.id),
		notice: url.searchParams.has('invited')
			? 'invited'
			: url.searchParams.get('saved') === 'erased'
				? 'erased'
				: url.searchParams.has('saved')
					? 'saved'
					: null
	};
};

export const actions: Actions = {
	save: async ({ params, request }) => {
		const admin = requireRole('admin');
		await findPerson(params.id);
		const parsed = parseForm(personFormSchema, await readFormData(request), personFormLists);
		if (!parsed.ok) return invalid(parsed.values, parsed.errors);
		if (params.id === admin.id && !parsed.data.roles.includes('admin')) {
			return invalid(
				{ ...parsed.data },
				{ roles: 'You cannot remove your own administrator role' }
			);
		}
		const refused = await orFail({ ...parsed.data }, () =>
			updatePerson(getDb(), admin.id, params.id, parsed.data)
		);
		if (refused) return refused;
		redirect(303, `/admin/people/${params.id}?saved`);
	},
	deactivate: async ({ params }) => {
		const admin = requireRole('admin');
		await findPerson(params.id);
		if (params.id === admin.id) return fail(400, { status: 'You cannot deactivate yourself' });
		const ended = await deactivatePerson(getDb(), admin.id, params.id);
		return { status: leaverStatus(ended) };
	},
	reactivate: async ({ params }) => {
		const admin = requireRole('admin');
		const person = await findPerson(params.id);
		if (person.erased_at)
			return fail(400, { status: 'They have been erased: nobody can sign in as them' });
		await setPersonActive(getDb(), admin.id, params.id, true);
		return { status: 'Reactivated: they can sign in again.' };
	},
	/** For someone who has lost their phone and their recovery codes: they set it up again. */
	resetTwoFactor: async ({ params }) => {
		const admin = requireRole('admin');
		await findPerson(params.id);
		const db = getDb();
		if (!(await hasTwoFactor(db, params.id)))
			return fail(409, {
				errors: { access: 'They do not have two-factor authentication: there is nothing to reset' }
			});
		await turnOffTwoFactor(db, params.id, admin.id);
		// Whoever holds their phone now cannot use a session it helped start.
		await invalidateUserSessions(db, params.id);
		return {
			status:
				'Two-factor authentication reset: they have been signed out everywhere, and set it up again after their password.'
		};
	},
	resend: async ({ params, url }) => {
		requireRole('admin');
		const person = await findPerson(params.id);
		if (!person.active) return fail(400, { status: 'Reactivate them first' });
		if (person.password_hash === null) await sendInvitation(getDb(), person, url.origin);
		else await sendPasswordReset(getDb(), person.email, url.origin);
		return {
			status:
				person.password_hash === null
					? 'A new invitation has been sent.'
					: 'A link to reset their password has been sent.'
		};
	}
};

/** What deactivating ended, in words (nothing more when they were already deactivated). */
function leaverStatus(ended: LeaverSummary | null) {
	const said = ['Deactivated: they have been signed out everywhere and cannot sign in.'];
	if (ended?.tokens) said.push(`${plural(ended.tokens, 'API token')} revoked.`);
	if (ended?.relationships)
		said.push(`${plural(ended.relationships, 'supervision relationship')} ended.`);
	if (ended?.requests)
		said.push(
			`${plural(ended.requests, 'request for feedback or an observation', 'requests for feedback or an observation')} withdrawn: ${ended.requests === 1 ? 'its link no longer works' : 'their links no longer work'}.`
		);
	if (ended?.handovers.length)
		said.push(
			`They supervised or assessed ${plural(ended.handovers.length, 'person', 'people')}: each now shows on their line manager’s home page (or their team manager’s, or the principal social workers’).`
		);
	return said.join(' ');
}
