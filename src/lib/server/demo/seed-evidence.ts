import { demoFrameworkVersion as frameworkVersion, type DemoEvidence } from '../content/demo';
import { insertRows } from '../db/batches';
import { newId } from '../db/ids';
import { dateOnly, days, timestamp } from '../db/time';
import { getFramework, outcomesOf } from '../framework';
import { holderOf } from '../people/relationships';
import { attachmentRow, storeUploads } from '../portfolio/attachments';
import { addMapping, draftRow } from '../portfolio/evidence';
import { listEvidence } from '../portfolio/list';
import { checkFilesText } from '../portfolio/file-check';
import { checkUpload } from '../portfolio/file-type';
import { chooseStandards, replaceStandards } from '../portfolio/standards';
import { eligibleEvidence, signOffOutcome } from '../signoff/signoffs';
import { asyeStart, mappingOf, type Demo } from './authority';

/** The demo portfolios, with the outcomes, statements and practice standards each shows. */
export async function seedDemoEvidence(demo: Demo) {
	await demo.db.transaction().execute(async (tx) => {
		for (const record of demo.content.evidence) {
			const id = newId();
			await insertRows(tx, 'evidence', [evidenceRow(demo, id, record)]);
			await addMapping(tx, id, mappingOf(record.outcomes, record.statements));
			const chosen = await chooseStandards(tx, id, record.standards);
			if ('error' in chosen) throw new Error(chosen.error);
			await replaceStandards(tx, id, chosen.standards);
		}
	});
}

/**
 * A record as the evidence table holds it: written the day after the activity, submitted two
 * days after that, and reviewed as its file says, but never after now.
 */
function evidenceRow({ now, person }: Demo, id: string, record: DemoEvidence) {
	const before = (date: Date, later: number) =>
		new Date(Math.min(now.getTime(), date.getTime() + days(later)));
	const activity = new Date(now.getTime() - days(record.daysAgo));
	const written = before(activity, 1);
	const submitted = record.status === 'draft' ? null : before(written, 2);
	const { review } = record;
	const reviewed = review && submitted ? before(submitted, review.daysAfter) : null;
	const input = { ...record.input, activityDate: dateOnly(activity) };
	return {
		...draftRow(id, person(record.owner).id, input, written),
		status: record.status,
		updated_at: timestamp(reviewed ?? submitted ?? written),
		submitted_at: submitted && timestamp(submitted),
		reviewed_by: review ? person(review.by).id : null,
		reviewed_at: reviewed && timestamp(reviewed),
		review_feedback: review?.feedback ?? null
	};
}

/** The demo ASYE's self-assessment at the start of their year, and a file on a record. */
export async function seedDemoExtras({ db, content, now, asye }: Demo) {
	const { selfAssessmentNote, attachment } = content.programme;
	const started = asyeStart(now, content.people.find((p) => p.email === asye.email)!.asyeMonth!);
	const assessment_id = newId();
	const created_at = `${started}T10:00:00.000Z`;
	const assessment = { id: assessment_id, user_id: asye.id, framework_version: frameworkVersion };
	await insertRows(db, 'self_assessments', [{ ...assessment, created_at }]);
	const ratings = outcomesOf(getFramework(frameworkVersion)!).map(({ id }, index) => ({
		assessment_id,
		outcome_id: id,
		rating: index % 3 === 0 ? 'developing' : 'not-yet',
		note: index === 0 ? selfAssessmentNote : ''
	}));
	await insertRows(db, 'self_assessment_ratings', ratings);
	// The first accepted record (the list is newest first).
	const record = (await listEvidence(db, asye.id, { status: 'accepted' })).at(-1)!;
	const bytes = new TextEncoder().encode(attachment.text);
	// Checked and stored as a file added through the form is, so the record says what the check found.
	const upload = await checkUpload(attachment.name, bytes);
	if (!upload.ok) throw new Error(upload.message);
	const [stored] = await storeUploads(await checkFilesText([{ ...upload, bytes }], []));
	await insertRows(db, 'attachments', [attachmentRow(record.id, asye.id, stored, now)]);
}

/** Later-year ASYEs' outcomes signed off by their assessors, each citing an accepted record. */
export async function seedDemoSignoffs({ db, content, now, today, person }: Demo) {
	const { for: emails, rationale } = content.programme.signoffs;
	const outcomes = outcomesOf(getFramework(frameworkVersion)!);
	for (const { id } of emails.map(person)) {
		const assessor = await holderOf(db, id, 'assessor', today);
		if (!assessor) continue;
		for (const { id: outcomeId } of outcomes) {
			const eligible = await eligibleEvidence(db, id, frameworkVersion, outcomeId);
			// The first record by title.
			const [cited] = eligible.sort((a, b) => a.title.localeCompare(b.title));
			if (!cited) continue;
			const because = rationale.replace('{title}', cited.title);
			const signoff = { frameworkVersion, outcomeId, rationale: because, evidenceIds: [cited.id] };
			await signOffOutcome(db, assessor.id, id, signoff, now);
		}
	}
}
