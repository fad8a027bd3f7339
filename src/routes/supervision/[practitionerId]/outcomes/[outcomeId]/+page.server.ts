import { error, redirect } from '@sveltejs/kit';
import { requireRelationship } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { findOutcome, getFramework } from '$lib/server/framework';
import { invalid, listOf, readFormData, textOf } from '$lib/server/forms';
import { getPerson } from '$lib/server/people/users';
import { signOffNeedsDoes, withDoesStatements } from '$lib/server/signoff/does-evidence';
import {
	eligibleEvidence,
	minimumEvidence,
	signOffOutcome,
	signOffState,
	withdrawSignOff,
	signOffHistory
} from '$lib/server/signoff/signoffs';
import type { Actions, PageServerLoad } from './$types';

async function context(practitionerId: string, outcomeId: string) {
	// Signing outcomes off is the assessor's.
	const user = await requireRelationship(practitionerId, ['assessor']);
	const framework = getFramework()!;
	const found = findOutcome(framework, outcomeId);
	const person = await getPerson(getDb(), practitionerId);
	if (!found || !person) error(404, 'There is no such outcome or person.');
	return { user, framework, outcome: found.outcome, person };
}

export const load: PageServerLoad = async ({ params, url }) => {
	const { framework, outcome, person } = await context(params.practitionerId, params.outcomeId);
	const db = getDb();
	const entries = await signOffHistory(db, person.id, framework.version.id, outcome.id);
	const { records, does } = await withDoesStatements(
		db,
		await eligibleEvidence(db, person.id, framework.version.id, outcome.id),
		framework.version.id,
		outcome
	);
	return {
		person: { id: person.id, name: person.name },
		outcome: { id: outcome.id, title: outcome.title },
		eligible: records,
		does,
		needsDoes: await signOffNeedsDoes(db, person.id),
		minimum: minimumEvidence(),
		signedOff:
			(await signOffState(db, person.id, framework.version.id)).get(outcome.id)?.action ===
			'sign-off',
		entries,
		saved: url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	signOff: async ({ params, request }) => {
		const { user, framework, outcome, person } = await context(
			params.practitionerId,
			params.outcomeId
		);
		const form = await readFormData(request);
		const rationale = textOf(form, 'rationale');
		const evidenceIds = listOf(form, 'evidence');
		const { problems } = await signOffOutcome(getDb(), user.id, person.id, {
			frameworkVersion: framework.version.id,
			outcomeId: outcome.id,
			rationale,
			evidenceIds
		});
		if (Object.keys(problems).length)
			return invalid({ rationale, evidence: evidenceIds }, problems);
		redirect(303, `/supervision/${person.id}?saved=signed-off&outcome=${outcome.id}#outcomes`);
	},
	withdraw: async ({ params, request }) => {
		const { user, framework, outcome, person } = await context(
			params.practitionerId,
			params.outcomeId
		);
		const reason = textOf(await readFormData(request), 'reason');
		const { problems } = await withdrawSignOff(getDb(), user.id, person.id, {
			frameworkVersion: framework.version.id,
			outcomeId: outcome.id,
			reason
		});
		if (Object.keys(problems).length) return invalid({ reason }, problems);
		redirect(303, `/supervision/${person.id}/outcomes/${outcome.id}?saved=withdrawn`);
	}
};
