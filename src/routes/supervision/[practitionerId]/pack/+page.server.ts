import { error, redirect } from '@sveltejs/kit';
import {
	canDownloadPortfolio,
	hasRole,
	requireRelationship,
	requireRole
} from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { getFramework } from '$lib/server/framework';
import { invalid, orFail, readFormData, textOf } from '$lib/server/forms';
import { moderationPack, packPage } from '$lib/server/programme/pack';
import { enrolmentIdOf, signAgreement } from '$lib/server/programme/agreement';
import { countersignReview, recordPanelDecision } from '$lib/server/programme/reviews';
import type { Actions, PageServerLoad } from './$types';
import { withNotice } from '$lib/notice';

/** Anyone with a relationship to the practitioner, principal social workers and administrators. */
async function requirePackAccess(practitionerId: string) {
	const user = requireRole('supervisor', 'external-assessor', 'psw', 'admin');
	if (!hasRole(user, 'psw', 'admin')) await requireRelationship(practitionerId);
	return user;
}

async function finalReview(practitionerId: string) {
	const pack = await moderationPack(getDb(), practitionerId, getFramework()!);
	const finalId = pack.programme?.reviews.find((r) => r.final)?.id;
	const review = pack.reviews.find((r) => r.review_id === finalId);
	if (!review) error(400, 'The final review has not been recorded yet.');
	return review;
}

export const load: PageServerLoad = async ({ params }) => {
	const user = await requirePackAccess(params.practitionerId);
	const page = await packPage(getDb(), params.practitionerId, getFramework()!);
	if (!page) error(404, 'There is no such person.');
	return {
		page,
		canDecide: hasRole(user, 'psw', 'admin'),
		canDownload: await canDownloadPortfolio(getDb(), user, params.practitionerId)
	};
};

export const actions: Actions = {
	sign: async ({ params }) => {
		const user = requireRole('psw', 'admin');
		const enrolmentId = await enrolmentIdOf(getDb(), params.practitionerId);
		if (!enrolmentId) error(404, 'They are not enrolled on a programme.');
		const signer = {
			id: user.id,
			practitioner: user.id === params.practitionerId,
			supervisor: false
		};
		const refused = await orFail({}, () => signAgreement(getDb(), signer, enrolmentId, 'assessor'));
		if (refused) return refused;
		redirect(303, withNotice(`/supervision/${params.practitionerId}/pack`, 'signed'));
	},
	countersign: async ({ params }) => {
		const user = requireRole('psw', 'admin');
		const review = await finalReview(params.practitionerId);
		const refused = await orFail({}, () => countersignReview(getDb(), user.id, review.id));
		if (refused) return refused;
		redirect(303, withNotice(`/supervision/${params.practitionerId}/pack#final`, 'countersigned'));
	},
	panel: async ({ params, request }) => {
		const user = requireRole('psw', 'admin');
		const review = await finalReview(params.practitionerId);
		const form = await readFormData(request);
		const decision = textOf(form, 'decision');
		const reasons = textOf(form, 'reasons');
		if (decision !== 'agree' && decision !== 'refer-back')
			return invalid({ reasons }, { decision: 'Choose the panel’s decision' });
		const refused = await orFail({ decision, reasons }, () =>
			recordPanelDecision(getDb(), user.id, review.id, decision, reasons)
		);
		if (refused) return refused;
		redirect(303, withNotice(`/supervision/${params.practitionerId}/pack#final`, 'panel'));
	}
};
