import { reflectiveModels } from '$lib/portfolio/vocabulary';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { dateOnly, days, timestamp } from '../db/time';
import { filesDir } from '../portfolio/attachments';
import { storeFile } from '../portfolio/file-store';
import { replaceStandards } from '../portfolio/standards';
import { practiceStandardSets } from '../standards';
import { findItem, type MappedStandard } from '../standards/mapping';
import type { DemoEvidence } from './evidence';
import { holderOf } from '../people/relationships';
import { signOffOutcome } from '../signoff/signoffs';
import { programmeFor } from '../programme';
import { recordProgrammeReview } from '../programme/reviews';
import { addMonths, programmeMonth } from '../programme/month';
import { recordObservation } from '../observation/observations';
import { createSupervisionRecord } from '../review/supervision-records';
import { createAgreement, recordProtectedTime, signAgreement } from '../programme/agreement';

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
			await replaceStandards(tx, evidenceId, (record.standards ?? []).map(demoStandard));
		}
	});
}

function demoStandard(ref: string): MappedStandard {
	const found = findItem(practiceStandardSets(), ref);
	if (!found) throw new Error(`demo evidence names an unknown practice standard: ${ref}`);
	return { setId: found.set.id, setVersion: found.set.version, ref };
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

/** Later-year ASYEs have outcomes signed off by their assessors, citing their accepted evidence. */
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
		const supervisor = await holderOf(db, person.id, 'assessor', dateOnly(now));
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

/**
 * Review points for the demo ASYEs: every review already due is recorded, except Sara Novak's
 * 6-month review, left overdue on purpose. Maya Joseph works 0.6 of full time and Ryan Cole's
 * programme was extended, so their dates move.
 */
export async function seedDemoProgrammes(db: Db, now = new Date()) {
	const today = dateOnly(now);
	const byEmail = async (email: string) =>
		(await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow())
			.id;
	const enrolment = async (email: string) =>
		(
			await db
				.selectFrom('enrolments')
				.select('id')
				.where('user_id', '=', await byEmail(email))
				.executeTakeFirstOrThrow()
		).id;
	await db
		.updateTable('enrolments')
		.set({ fte_percent: 60 })
		.where('id', '=', await enrolment('maya.joseph@demo.test'))
		.execute();
	await db
		.insertInto('enrolment_extensions')
		.values({
			id: newId(),
			enrolment_id: await enrolment('ryan.cole@demo.test'),
			months: 3,
			reason: 'agreed after a period of sickness absence',
			created_by: null,
			created_at: timestamp(now)
		})
		.execute();
	const enrolments = await db
		.selectFrom('enrolments')
		.innerJoin('users', 'users.id', 'enrolments.user_id')
		.select(['users.email', 'users.id as userId'])
		.execute();
	for (const { email, userId } of enrolments) {
		const programme = await programmeFor(db, userId, today);
		const supervisor = await holderOf(db, userId, 'assessor', today);
		if (!programme || !supervisor) continue;
		for (const review of programme.reviews.filter((r) => r.state === 'overdue' && !r.optional)) {
			if (email === 'sara.novak@demo.test' && review.id === 'month-6') continue;
			await recordProgrammeReview(
				db,
				supervisor.id,
				programme.enrolmentId,
				review.id,
				{
					progress: {
						'2': 'Builds relationships with children well; use direct work tools more consistently.',
						'3': 'Assessments are clear; analysis is developing.'
					},
					strengths:
						'Warm, persistent engagement with children and families; reflective in supervision.',
					areasToDevelop: 'Analysis in assessments; confidence in multi-agency meetings.',
					practitionerComments:
						'I agree, and I want to observe a child protection conference chaired by a senior colleague.',
					recommendation: 'on-track'
				},
				new Date(`${review.dueOn}T15:00:00Z`)
			);
		}
	}
}

/** Observations of practice for ASYEs from month 4, recorded by their supervisors. */
export async function seedDemoObservations(db: Db, frameworkVersion: string, now = new Date()) {
	const today = dateOnly(now);
	const people = await db
		.selectFrom('enrolments')
		.innerJoin('users', 'users.id', 'enrolments.user_id')
		.select(['users.id', 'users.email', 'enrolments.starts_on'])
		.execute();
	for (const person of people) {
		const month = programmeMonth(person.starts_on, today);
		const supervisor = await holderOf(db, person.id, 'assessor', today);
		if (month < 4 || !supervisor) continue;
		const count = month >= 9 ? 2 : 1;
		for (let i = 0; i < count; i++) {
			await recordObservation(
				db,
				supervisor.id,
				person.id,
				{
					observedOn: addMonths(person.starts_on, 2 + i * 4),
					setting: i === 0 ? 'Home visit' : 'Core Group meeting',
					wentWell:
						i === 0
							? 'You explained your role clearly and gave the child (A) time to choose how to talk, using the feelings cards.'
							: 'You kept the core group focused on the child’s daily experience and summarised actions clearly.',
					toDevelop:
						i === 0
							? 'Check your understanding with Mother before leaving, and say when you will next visit.'
							: 'Challenge drift more directly when an action from the last meeting is not done.',
					frameworkVersion,
					outcomes: i === 0 ? ['2.3'] : ['3.3'],
					statements:
						i === 0
							? [{ outcomeId: '2.3', statementId: '2.3 D4' }]
							: [{ outcomeId: '3.3', statementId: '3.3 D5' }]
				},
				now
			);
		}
	}
}

/** A supervision record for the demo ASYE, with agreed actions. */
export async function seedDemoSupervision(db: Db, now = new Date()) {
	const priya = await db
		.selectFrom('users')
		.select('id')
		.where('email', '=', 'practitioner@demo.test')
		.executeTakeFirstOrThrow();
	const supervisor = await holderOf(db, priya.id, 'practice-supervisor', dateOnly(now));
	if (!supervisor) return;
	await createSupervisionRecord(
		db,
		supervisor.id,
		priya.id,
		{
			heldOn: dateOnly(new Date(now.getTime() - days(14))),
			agenda: 'Caseload and visits; a case that feels stuck; learning for the 6-month review',
			discussion:
				'We talked about a family where the plan has not moved for two months. You described feeling caught between Mother’s wish for more time and the school’s worry. We used a genogram to look for people in the wider family who could help.',
			decisions: 'Hold a family network meeting before the next core group.',
			actions: [
				{
					action: 'Arrange the family network meeting',
					dueOn: dateOnly(new Date(now.getTime() + days(7)))
				}
			]
		},
		now
	);
}

/**
 * Support and assessment agreements for the demo ASYEs, signed by the practitioner, their
 * supervisor and their assessor (the principal social worker, unless they have an assessor
 * other than their supervisor); neither Tom Ellis (month 2) nor his assessor has signed yet.
 * Protected development time for the demo ASYE.
 */
export async function seedDemoAgreements(db: Db, now = new Date()) {
	const today = dateOnly(now);
	const psw = await db
		.selectFrom('users')
		.select('id')
		.where('email', '=', 'psw@demo.test')
		.executeTakeFirstOrThrow();
	const enrolments = await db
		.selectFrom('enrolments')
		.innerJoin('users', 'users.id', 'enrolments.user_id')
		.select(['enrolments.id', 'enrolments.starts_on', 'users.id as userId', 'users.email'])
		.execute();
	for (const enrolment of enrolments) {
		const supervisor = await holderOf(db, enrolment.userId, 'practice-supervisor', today);
		if (!supervisor) continue;
		// Their own assessor signs when they have one of their own; the principal social worker
		// otherwise.
		const assessor = await holderOf(db, enrolment.userId, 'assessor', today);
		const signed = new Date(`${enrolment.starts_on}T12:00:00Z`);
		await createAgreement(
			db,
			supervisor.id,
			enrolment.id,
			'A protected caseload of no more than 90% of an experienced worker’s; supervision every two weeks for the first six weeks, then monthly; 10% protected development time; three observations of practice; reviews at 3, 6 and 12 months.',
			signed
		);
		await signAgreement(
			db,
			{ id: supervisor.id, practitioner: false, supervisor: true },
			enrolment.id,
			'supervisor',
			signed
		);
		const newest = enrolment.email === 'tom.ellis@demo.test';
		if (!newest)
			await signAgreement(
				db,
				{
					id: assessor && assessor.id !== supervisor.id ? assessor.id : psw.id,
					practitioner: false,
					supervisor: false
				},
				enrolment.id,
				'assessor',
				signed
			);
		if (!newest) {
			await signAgreement(
				db,
				{ id: enrolment.userId, practitioner: true, supervisor: false },
				enrolment.id,
				'practitioner',
				signed
			);
		}
		if (enrolment.email === 'practitioner@demo.test') {
			for (const [weeksAgo, minutes, activity] of [
				[12, 210, 'Reading research on neglect and poverty'],
				[6, 180, 'E-learning on contextual safeguarding'],
				[2, 240, 'Shadowing a family group conference coordinator']
			] as const) {
				await recordProtectedTime(
					db,
					enrolment.userId,
					enrolment.id,
					{ takenOn: dateOnly(new Date(now.getTime() - days(weeksAgo * 7))), minutes, activity },
					now
				);
			}
		}
	}
}
