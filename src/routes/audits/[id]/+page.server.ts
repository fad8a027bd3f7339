import { error, redirect } from '@sveltejs/kit';
import {
	anonymityFindings,
	finaliseAudit,
	finaliseProblems,
	practiceLearningTeamEmail
} from '$lib/server/audit/finalise';
import {
	assignModerator,
	recordReceipt,
	recordResponse,
	moderatorChoices
} from '$lib/server/audit/follow-up';
import { markActionDone, removeAction, signOffAction } from '$lib/server/audit/actions';
import { removeFinding } from '$lib/server/audit/findings';
import { requireAudit } from '$lib/server/audit/access';
import { auditVoices, mayNameVoices } from '$lib/server/audit/voices';
import { formValues, invalid, orFail, readFormData, textOf } from '$lib/server/forms';
import { findOutcome, getFramework } from '$lib/server/framework';
import { needsRaisedBy } from '$lib/server/learning/needs';
import { standardName } from '$lib/server/standards';
import type { Actions, PageServerLoad } from './$types';
import { withNotice } from '$lib/notice';

export const load: PageServerLoad = async ({ params }) => {
	const { user, audit, part, definition, db } = await requireAudit(params.id);
	const type = definition.types.find((t) => t.id === audit.type);
	const needs = audit.status === 'finalised' ? await needsRaisedBy(db, audit.id) : [];
	const moderators =
		part.psw && audit.status === 'finalised' ? await moderatorChoices(db, audit) : [];
	return {
		audit,
		part,
		userId: user.id,
		typeTitle: type?.title ?? audit.type,
		areas: definition.areas.map((area) => ({
			...area,
			audit: audit.grades.audit.find((g) => g.area_id === area.id),
			moderation: audit.grades.moderation.find((g) => g.area_id === area.id)
		})),
		// The areas the cascade brought down, as saved with the grades.
		cascaded: audit.grades.audit.filter((g) => g.grade !== g.effective_grade).map((g) => g.area_id),
		problems: audit.status === 'draft' ? finaliseProblems(definition, audit) : {},
		anonymity: audit.status === 'draft' && part.auditor ? anonymityFindings(audit) : [],
		needs,
		// Who gave each view is left out here for anyone who may not know it, the worker above all.
		voices: await auditVoices(db, audit.id, mayNameVoices(part)),
		tagNames: tagNames(audit.findings, definition.standardSet.items),
		moderators: moderators.map((m) => ({ value: m.id, label: m.name })),
		practiceLearningTeam: practiceLearningTeamEmail()
	};
};

/** What each finding's tags are called: "3.3 Planning…", "Standard 4: All children have a plan…". */
function tagNames(
	findings: { tags: { kind: string; ref: string; framework_version: string | null }[] }[],
	standards: { ref: string; number: number; title: string }[]
) {
	const names: Record<string, string> = {};
	for (const tag of findings.flatMap((f) => f.tags)) {
		const framework = getFramework(tag.framework_version ?? undefined) ?? getFramework()!;
		const outcome = tag.kind === 'outcome' ? findOutcome(framework, tag.ref)?.outcome : undefined;
		const standard = standards.find((s) => s.ref === tag.ref);
		names[tag.ref] = outcome
			? `${outcome.id} ${outcome.title}`
			: standard
				? standardName(standard)
				: tag.ref;
	}
	return names;
}

export const actions: Actions = {
	finalise: async ({ params, request, url }) => {
		const { user, audit, part, definition, db } = await requireAudit(params.id);
		if (!part.auditor) error(403, 'Only the audit’s auditors can finalise it.');
		const form = await readFormData(request);
		const findings = anonymityFindings(audit);
		const confirmed = form.get('anonymity') === 'yes';
		if (findings.length && !confirmed)
			return invalid(
				{},
				{
					anonymity:
						'Check the highlighted details: change the text, or confirm that none of it identifies the child or family.'
				}
			);
		const refused = await orFail({}, () =>
			finaliseAudit(db, definition, user.id, audit.id, {
				anonymityConfirmed: findings.length > 0 && confirmed,
				origin: url.origin
			})
		);
		if (refused) return refused;
		redirect(303, `/audits/${audit.id}?saved=finalised`);
	},
	removeFinding: async ({ params, request }) => {
		const { audit, part, db } = await requireAudit(params.id);
		if (!part.auditor) error(403, 'Only the audit’s auditors can change it.');
		const id = textOf(await readFormData(request), 'findingId');
		return (await orFail({}, () => removeFinding(db, audit.id, id))) ?? { removed: 'finding' };
	},
	removeAction: async ({ params, request }) => {
		const { audit, part, db } = await requireAudit(params.id);
		if (!part.auditor) error(403, 'Only the audit’s auditors can change it.');
		const id = textOf(await readFormData(request), 'actionId');
		return (await orFail({}, () => removeAction(db, audit.id, id))) ?? { removed: 'action' };
	},
	respond: async ({ params, request }) => {
		const { user, audit, part, db } = await requireAudit(params.id);
		if (!(part.manager || part.psw))
			error(403, 'Only the team manager or a head of service records the response.');
		const response = String(formValues(await readFormData(request)).response ?? '');
		if (!response)
			return invalid(
				{},
				{ response: 'Write the response: what was done to keep the child safe, and by whom' }
			);
		const refused = await orFail({}, () => recordResponse(db, user.id, audit.id, response));
		if (refused) return refused;
		redirect(303, `/audits/${audit.id}?saved=responded`);
	},
	receipt: async ({ params, request }) => {
		const { user, audit, part, db } = await requireAudit(params.id);
		if (!part.manager) error(403, 'Only the team manager records receipt of the audit.');
		const directions = String(formValues(await readFormData(request)).directions ?? '');
		if (directions.length > 5000)
			return invalid(
				{ directions },
				{ directions: 'Management directions must be 5,000 characters or fewer' }
			);
		const refused = await orFail({}, () => recordReceipt(db, user.id, audit.id, directions));
		if (refused) return refused;
		redirect(303, `/audits/${audit.id}?saved=received`);
	},
	actionDone: async ({ params, request }) => {
		const { user, audit, part, db } = await requireAudit(params.id);
		const id = textOf(await readFormData(request), 'actionId');
		const action = audit.actions.find((a) => a.id === id);
		if (!action) error(404, 'There is no such action on this audit.');
		if (action.owner_id !== user.id && !part.manager)
			error(403, 'Only the action’s owner or the team manager can mark it done.');
		if (audit.status !== 'finalised') error(409, 'Actions are worked once the audit is finalised.');
		const refused = await orFail({}, () => markActionDone(db, user.id, audit.id, id));
		if (refused) return refused;
		redirect(303, withNotice(`/audits/${audit.id}#actions`, 'action-done'));
	},
	signOff: async ({ params, request }) => {
		const { user, audit, part, db } = await requireAudit(params.id);
		if (!part.manager) error(403, 'Only the team manager signs off actions.');
		if (audit.status !== 'finalised') error(409, 'Actions are worked once the audit is finalised.');
		const id = textOf(await readFormData(request), 'actionId');
		const refused = await orFail({}, () => signOffAction(db, user.id, audit.id, id));
		if (refused) return refused;
		redirect(303, withNotice(`/audits/${audit.id}#actions`, 'action-signed-off'));
	},
	moderator: async ({ params, request }) => {
		const { user, audit, part, db } = await requireAudit(params.id);
		if (!part.psw) error(403, 'Only a principal social worker assigns a moderator.');
		const id = textOf(await readFormData(request), 'moderatorId');
		const allowed = (await moderatorChoices(db, audit)).some((p) => p.id === id);
		if (!allowed)
			return invalid({}, { moderatorId: 'Choose a moderator who did not carry out the audit' });
		await assignModerator(db, user.id, audit.id, id);
		redirect(303, `/audits/${audit.id}?saved=moderator#moderation`);
	}
};
