import { reflectiveModels } from '$lib/portfolio/vocabulary';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { dateOnly, days, timestamp } from '../db/time';
import { filesDir } from '../portfolio/attachments';
import { storeFile } from '../portfolio/file-store';
import type { DemoEvidence } from './evidence';
import { currentSupervisor } from '../people/supervision';
import { signOffOutcome } from '../signoff/signoffs';

/** Adds the demo portfolios, each record dated relative to `now` and mapped to `frameworkVersion`. */
export async function seedDemoEvidence(
	db: Db,
	records: DemoEvidence[],
	frameworkVersion: string,
	now = new Date()
) {
	const people = await db.selectFrom('users').select(['id', 'email']).execute();
	const id = (email: string) => {
		const person = people.find((p) => p.email === email);
		if (!person) throw new Error(`demo evidence names an unknown person: ${email}`);
		return person.id;
	};
	await db.transaction().execute(async (tx) => {
		for (const record of records) {
			const evidenceId = newId();
			const activity = new Date(now.getTime() - days(record.daysAgo));
			// Written the day after the activity, submitted two days after that.
			const written = new Date(Math.min(now.getTime(), activity.getTime() + days(1)));
			const submitted =
				record.status === 'draft'
					? null
					: new Date(Math.min(now.getTime(), written.getTime() + days(2)));
			const reviewed =
				record.review && submitted
					? new Date(Math.min(now.getTime(), submitted.getTime() + days(record.review.daysAfter)))
					: null;
			const prompts = reflectiveModels[record.model].prompts.map((p) => p.key as string);
			await tx
				.insertInto('evidence')
				.values({
					id: evidenceId,
					owner_id: id(record.owner),
					title: record.title,
					activity_date: dateOnly(activity),
					type: record.type,
					account: record.account,
					reflection_model: record.model,
					reflection: JSON.stringify(
						Object.fromEntries(prompts.map((key) => [key, record.reflection[key] ?? '']))
					),
					cpd_type: record.cpd.type,
					cpd_relevance: record.cpd.relevance,
					cpd_learning: record.cpd.learning,
					cpd_impact: record.cpd.impact,
					peer_reflected: record.cpd.peerReflected ? 1 : 0,
					peer_reflection: record.cpd.peerReflection,
					cpd_minutes: Math.round(record.cpd.hours * 60),
					status: record.status,
					version: 1,
					created_at: timestamp(written),
					updated_at: timestamp(reviewed ?? submitted ?? written),
					submitted_at: submitted ? timestamp(submitted) : null,
					anonymity_confirmed_at: null,
					reviewed_by: record.review ? id(record.review.by) : null,
					reviewed_at: reviewed ? timestamp(reviewed) : null,
					review_feedback: record.review?.feedback ?? null
				})
				.execute();
			const outcomes = new Set([
				...record.outcomes,
				...record.statements.map((s) => s.split(' ')[0])
			]);
			await tx
				.insertInto('evidence_outcomes')
				.values(
					[...outcomes].map((outcome_id) => ({
						evidence_id: evidenceId,
						framework_version: frameworkVersion,
						outcome_id
					}))
				)
				.execute();
			if (record.statements.length) {
				await tx
					.insertInto('evidence_statements')
					.values(
						record.statements.map((statement_id) => ({
							evidence_id: evidenceId,
							framework_version: frameworkVersion,
							outcome_id: statement_id.split(' ')[0],
							statement_id
						}))
					)
					.execute();
			}
		}
	});
}

/** Gives a demo practitioner a start-of-year self-assessment and a file on one record. */
export async function seedDemoExtras(
	db: Db,
	email: string,
	frameworkVersion: string,
	outcomeIds: string[],
	startedOn: string
) {
	const person = await db
		.selectFrom('users')
		.select('id')
		.where('email', '=', email)
		.executeTakeFirstOrThrow();
	const assessmentId = newId();
	await db
		.insertInto('self_assessments')
		.values({
			id: assessmentId,
			user_id: person.id,
			framework_version: frameworkVersion,
			created_at: `${startedOn}T10:00:00.000Z`
		})
		.execute();
	await db
		.insertInto('self_assessment_ratings')
		.values(
			outcomeIds.map((outcome_id, index) => ({
				assessment_id: assessmentId,
				outcome_id,
				rating: index % 3 === 0 ? 'developing' : 'not-yet',
				note:
					index === 0
						? 'I have used identity tools on placement but not yet in statutory work.'
						: ''
			}))
		)
		.execute();

	const record = await db
		.selectFrom('evidence')
		.select('id')
		.where('owner_id', '=', person.id)
		.where('status', '=', 'accepted')
		.orderBy('activity_date')
		.executeTakeFirst();
	if (!record) return;
	const notes = new TextEncoder().encode(
		'Notes for supervision\n\nWhat went well: the child (A) chose the feelings cards herself and talked for longer than at the last visit.\nTo explore: how to include Father, who was not at home.\n'
	);
	const hash = await storeFile(filesDir(), notes);
	await db
		.insertInto('attachments')
		.values({
			id: newId(),
			evidence_id: record.id,
			file_hash: hash,
			name: 'supervision-notes.txt',
			mime: 'text/plain',
			size: notes.length,
			created_at: timestamp(),
			created_by: person.id,
			removed_at: null
		})
		.execute();
}

/** Later-year ASYEs have outcomes signed off by their supervisors, citing their accepted evidence. */
export async function seedDemoSignoffs(
	db: Db,
	frameworkVersion: string,
	emails: string[],
	now = new Date()
) {
	for (const email of emails) {
		const person = await db
			.selectFrom('users')
			.select('id')
			.where('email', '=', email)
			.executeTakeFirstOrThrow();
		const supervisor = await currentSupervisor(db, person.id, dateOnly(now));
		if (!supervisor) continue;
		const accepted = await db
			.selectFrom('evidence_outcomes')
			.innerJoin('evidence', 'evidence.id', 'evidence_outcomes.evidence_id')
			.select(['evidence_outcomes.outcome_id', 'evidence.id', 'evidence.title'])
			.where('evidence.owner_id', '=', person.id)
			.where('evidence.status', '=', 'accepted')
			.orderBy('evidence_outcomes.outcome_id')
			.execute();
		const done = new Set<string>();
		for (const row of accepted) {
			if (done.has(row.outcome_id)) continue;
			done.add(row.outcome_id);
			await signOffOutcome(
				db,
				supervisor.id,
				person.id,
				{
					frameworkVersion,
					outcomeId: row.outcome_id,
					rationale: `Met: “${row.title}” shows the outcome in practice, and we discussed it in supervision.`,
					evidenceIds: [row.id]
				},
				now
			);
		}
	}
}
