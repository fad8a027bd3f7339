import { error, redirect } from '@sveltejs/kit';
import { requirePortfolioOwner } from '$lib/server/auth/access';
import { getDb } from '$lib/server/db';
import { getFramework, mappedStatement, outcomesOf } from '$lib/server/framework';
import { searchFramework } from '$lib/server/framework/search';
import { integerOf, invalid, listOf, orFail, readFormData } from '$lib/server/forms';
import { getEvidence, isEditable, setMapping } from '$lib/server/portfolio/evidence';
import { chooseStandards, standardsOf } from '$lib/server/portfolio/standards';
import { practiceStandardSets } from '$lib/server/standards';
import { choiceOf, nameMappedStandards } from '$lib/server/standards/mapping';
import type { Actions, PageServerLoad } from './$types';

/** Only the owner maps their own record, and only while it can be changed. */
async function editableRecord(id: string) {
	const user = await requirePortfolioOwner();
	const record = await getEvidence(getDb(), id);
	if (!record) error(404, 'There is no such record.');
	if (record.owner_id !== user.id)
		error(403, 'Only the person whose portfolio this is can change it.');
	if (!isEditable(record.status)) redirect(303, `/portfolio/${id}`);
	const framework = getFramework(record.frameworkVersion ?? undefined) ?? getFramework()!;
	return { user, record, framework };
}

export const load: PageServerLoad = async ({ params, url }) => {
	const { record, framework } = await editableRecord(params.id);
	const q = url.searchParams.get('q')?.trim() ?? '';
	const result = q ? searchFramework(framework, q) : undefined;
	const shownOutcomes = result ? new Set(result.outcomes.map((o) => o.id)) : undefined;
	const shownStatements = result
		? new Set(
				result.outcomes.flatMap((o) =>
					o.titleMatched && o.statements.length === 0 ? [] : o.statements.map((s) => s.id)
				)
			)
		: undefined;
	return {
		record: { id: record.id, title: record.title, version: record.version },
		q,
		frameworkName: framework.version.shortTitle,
		selectedOutcomes: record.outcomes,
		selectedStatements: record.statements.map((s) => s.statementId),
		domains: framework.domains
			.map((d) => ({
				id: d.id,
				title: d.title,
				outcomes: d.outcomes
					.filter((o) => !shownOutcomes || shownOutcomes.has(o.id))
					.map((o) => ({
						id: o.id,
						title: o.title,
						statements: o.statements
							.filter(
								(s) =>
									!shownStatements ||
									shownStatements.has(s.id) ||
									result?.outcomes.find((r) => r.id === o.id)?.titleMatched
							)
							.map(({ id, kind, text }) => ({ id, kind, text }))
					}))
			}))
			.filter((d) => d.outcomes.length > 0),
		...(await standardChoices(record.id))
	};
};

/** Each practice-standards set's items to tick, and mappings kept from an earlier edition. */
async function standardChoices(evidenceId: string) {
	const sets = practiceStandardSets();
	const mapped = await standardsOf(getDb(), evidenceId);
	return {
		standardSets: sets.map((set) => ({
			id: set.id,
			title: set.title,
			items: set.items.map((item) => ({
				choice: `${item.ref}@${set.version}`,
				label: `Standard ${item.number}: ${item.title}`
			}))
		})),
		selectedStandards: mapped.map(choiceOf),
		earlierStandards: nameMappedStandards(sets, mapped)
			.filter((m) => m.newerEdition)
			.map((m) => ({
				choice: choiceOf(m),
				label: m.label,
				setTitle: m.setTitle,
				edition: m.setVersion
			}))
	};
}

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { user, record, framework } = await editableRecord(params.id);
		const form = await readFormData(request);
		const strings = (name: string) => listOf(form, name);
		const values = {
			outcome: strings('outcome'),
			statement: strings('statement'),
			standard: strings('standard')
		};
		const local = await chooseStandards(getDb(), record.id, values.standard);
		if ('error' in local) return invalid(values, { standards: local.error });
		const outcomes = new Map(outcomesOf(framework).map((o) => [o.id, o]));
		const chosenStatements = strings('statement');
		const statements: { outcomeId: string; statementId: string }[] = [];
		for (const statementId of chosenStatements) {
			const mapped = mappedStatement(outcomes, statementId);
			if (!mapped) {
				return invalid(values, {
					mapping: `“${statementId}” is not a statement in ${framework.version.shortTitle}`
				});
			}
			statements.push(mapped);
		}
		// Choosing a statement maps the record to its outcome too.
		const chosenOutcomes = new Set([...strings('outcome'), ...statements.map((s) => s.outcomeId)]);
		for (const id of chosenOutcomes) {
			if (!outcomes.has(id))
				return invalid(values, {
					mapping: `“${id}” is not an outcome in ${framework.version.shortTitle}`
				});
		}
		const refused = await orFail(values, () =>
			setMapping(getDb(), user.id, record.id, integerOf(form, 'version') ?? 0, {
				frameworkVersion: framework.version.id,
				outcomes: [...chosenOutcomes],
				statements,
				standards: local.standards
			})
		);
		if (refused) return refused;
		redirect(303, `/portfolio/${record.id}?saved=mapped#mapping`);
	}
};
