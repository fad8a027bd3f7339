import { reflectiveModels } from '$lib/portfolio/vocabulary';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { dateOnly, days, timestamp } from '../db/time';
import { frameworkLibrary } from '../framework';
import { outcomesOf } from '../framework/query';
import { holderOf } from '../people/relationships';
import { filesDir } from '../portfolio/attachments';
import { storeFile } from '../portfolio/file-store';
import { replaceStandards } from '../portfolio/standards';
import { signOffOutcome } from '../signoff/signoffs';
import { practiceStandardSets } from '../standards';
import { findItem } from '../standards/mapping';
import { demoPeopleIn } from './authority';
import { demoFrameworkVersion } from './content';
import type { DemoEvidence } from './evidence-file';
import type { DemoProgramme } from './schema';

/** Adds the demo portfolios, each record dated relative to `now`. */
export async function seedDemoEvidence(db: Db, records: DemoEvidence[], now = new Date()) {
	const person = await demoPeopleIn(db);
	const before = (date: Date, later: number) =>
		new Date(Math.min(now.getTime(), date.getTime() + days(later)));
	await db.transaction().execute(async (tx) => {
		for (const record of records) {
			const evidenceId = newId();
			const activity = new Date(now.getTime() - days(record.daysAgo));
			// Written the day after the activity, submitted two days after that.
			const written = before(activity, 1);
			const submitted = record.status === 'draft' ? null : before(written, 2);
			const reviewed =
				record.review && submitted ? before(submitted, record.review.daysAfter) : null;
			const prompts = reflectiveModels[record.model].prompts.map((p) => p.key as string);
			await tx
				.insertInto('evidence')
				.values({
					id: evidenceId,
					owner_id: person(record.owner).id,
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
					reviewed_by: record.review ? person(record.review.by).id : null,
					reviewed_at: reviewed ? timestamp(reviewed) : null,
					review_feedback: record.review?.feedback ?? null
				})
				.execute();
			await mapEvidence(tx, evidenceId, record);
		}
	});
}

/** A record's outcomes (with those of its statements), statements and practice standards. */
async function mapEvidence(db: Db, evidenceId: string, record: DemoEvidence) {
	const framework_version = demoFrameworkVersion;
	const outcomeOf = (statement: string) => statement.split(' ')[0];
	const outcomes = new Set([...record.outcomes, ...record.statements.map(outcomeOf)]);
	await db
		.insertInto('evidence_outcomes')
		.values(
			[...outcomes].map((outcome_id) => ({
				evidence_id: evidenceId,
				framework_version,
				outcome_id
			}))
		)
		.execute();
	if (record.statements.length)
		await db
			.insertInto('evidence_statements')
			.values(
				record.statements.map((statement_id) => ({
					evidence_id: evidenceId,
					framework_version,
					outcome_id: outcomeOf(statement_id),
					statement_id
				}))
			)
			.execute();
	const standards = record.standards.map((ref) => {
		const { set } = findItem(practiceStandardSets(), ref)!;
		return { setId: set.id, setVersion: set.version, ref };
	});
	await replaceStandards(db, evidenceId, standards);
}

/** Gives a demo practitioner a start-of-year self-assessment and a file on one record. */
export async function seedDemoExtras(
	db: Db,
	texts: DemoProgramme,
	email: string,
	startedOn: string
) {
	const person = (await demoPeopleIn(db))(email);
	const assessmentId = newId();
	await db
		.insertInto('self_assessments')
		.values({
			id: assessmentId,
			user_id: person.id,
			framework_version: demoFrameworkVersion,
			created_at: `${startedOn}T10:00:00.000Z`
		})
		.execute();
	const framework = frameworkLibrary().frameworks.find(
		(f) => f.version.id === demoFrameworkVersion
	)!;
	await db
		.insertInto('self_assessment_ratings')
		.values(
			outcomesOf(framework).map(({ id }, index) => ({
				assessment_id: assessmentId,
				outcome_id: id,
				rating: index % 3 === 0 ? 'developing' : 'not-yet',
				note: index === 0 ? texts.selfAssessmentNote : ''
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
	const file = new TextEncoder().encode(texts.attachment.text);
	await db
		.insertInto('attachments')
		.values({
			id: newId(),
			evidence_id: record.id,
			file_hash: await storeFile(filesDir(), file),
			name: texts.attachment.name,
			mime: 'text/plain',
			size: file.length,
			created_at: timestamp(),
			created_by: person.id,
			removed_at: null
		})
		.execute();
}

/** Later-year ASYEs have outcomes signed off by their assessors, citing their accepted evidence. */
export async function seedDemoSignoffs(
	db: Db,
	texts: DemoProgramme,
	emails: string[],
	now = new Date()
) {
	const person = await demoPeopleIn(db);
	for (const email of emails) {
		const { id } = person(email);
		const supervisor = await holderOf(db, id, 'assessor', dateOnly(now));
		if (!supervisor) continue;
		const accepted = await db
			.selectFrom('evidence_outcomes')
			.innerJoin('evidence', 'evidence.id', 'evidence_outcomes.evidence_id')
			.select(['evidence_outcomes.outcome_id', 'evidence.id', 'evidence.title'])
			.where('evidence.owner_id', '=', id)
			.where('evidence.status', '=', 'accepted')
			.orderBy('evidence_outcomes.outcome_id')
			.orderBy('evidence.title')
			.execute();
		const done = new Set<string>();
		for (const row of accepted) {
			if (done.has(row.outcome_id)) continue;
			done.add(row.outcome_id);
			const signoff = {
				frameworkVersion: demoFrameworkVersion,
				outcomeId: row.outcome_id,
				rationale: texts.signoffRationale.replace('{title}', row.title),
				evidenceIds: [row.id]
			};
			await signOffOutcome(db, supervisor.id, id, signoff, now);
		}
	}
}
