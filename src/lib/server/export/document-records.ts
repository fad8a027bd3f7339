import type { Content } from 'pdfmake/interfaces';
import { formatDate, formatDateTime, formatFileSize } from '$lib/format';
import {
	cpdTypes,
	evidenceStatuses,
	evidenceTypes,
	reflectiveModels,
	type CpdType,
	type EvidenceStatus,
	type EvidenceType,
	type ReflectiveModel
} from '$lib/portfolio/vocabulary';
import type { RecordInput } from './document-input';
import { heading, hint, label, paragraph, summaryList, table, together } from './document-parts';

// The records of a portfolio PDF, each in full as its page shows it (account, reflection, CPD
// fields, mapping, review, comments and files), and the list of every file attached.

const named = <T extends Record<string, string>>(names: T, value: string | null) =>
	value !== null && Object.hasOwn(names, value) ? names[value as keyof T] : (value ?? '');

export function recordsSection(records: RecordInput[], kind: 'portfolio' | 'pack'): Content[] {
	return [
		heading(kind === 'pack' ? 'Accepted evidence' : 'Records', true),
		records.length === 0
			? paragraph(null, kind === 'pack' ? 'No accepted evidence yet.' : 'No records yet.')
			: hint(
					kind === 'pack'
						? 'Each accepted record in full, oldest first.'
						: 'Each record in full, oldest first, drafts included.'
				),
		...records.flatMap(recordContent)
	];
}

function recordContent(record: RecordInput): Content[] {
	const model =
		reflectiveModels[record.reflection_model as ReflectiveModel] ?? reflectiveModels.free;
	return [
		together(
			{
				text: record.title,
				style: 'subheading',
				tocItem: true,
				tocStyle: { fontSize: 10 },
				tocMargin: [12, 0, 0, 0],
				margin: [0, 18, 0, 4]
			},
			summaryList([
				['Date of the activity', formatDate(record.activity_date)],
				['Type', named(evidenceTypes, record.type as EvidenceType)],
				['Status', named(evidenceStatuses, record.status as EvidenceStatus)],
				['Reviewed', reviewed(record)],
				...(record.importedFrom
					? [
							[
								'Imported',
								`From ${record.importedFrom.origin}, ${formatDate(record.importedFrom.at)}`
							] as [string, string]
						]
					: [])
			])
		),
		label('Account of the activity'),
		paragraph(record.account, 'Not written yet.'),
		label(`Reflection (${model.name})`),
		...model.prompts.flatMap((prompt) => [
			{ text: prompt.label, italics: true },
			paragraph(record.reflection[prompt.key])
		]),
		label('CPD record'),
		summaryList(cpdRows(record)),
		...mappingContent(record),
		...feedbackContent(record),
		...(record.attachments.length
			? [
					label('Files'),
					{ ul: record.attachments.map((f) => `${f.name} (${formatFileSize(f.size)})`) }
				]
			: [])
	];
}

function reviewed(record: RecordInput) {
	if (!record.reviewed_at) return 'Not yet';
	return `By ${record.reviewerName ?? 'someone no longer named'}, ${formatDate(record.reviewed_at)}`;
}

function cpdRows(record: RecordInput): [string, string][] {
	const yesNo = (flag: number | null) => (flag === null ? 'Not recorded' : flag ? 'Yes' : 'No');
	return [
		['Type of CPD', record.cpd_type ? named(cpdTypes, record.cpd_type as CpdType) : 'Not recorded'],
		['Description and relevance to practice', record.cpd_relevance],
		['What was learnt', record.cpd_learning],
		['Impact on practice', record.cpd_impact],
		['Reflected on with a peer', yesNo(record.peer_reflected)],
		['What reflecting with a peer added', record.peer_reflection],
		['Hours', record.cpd_minutes === null ? 'Not recorded' : `${record.cpd_minutes / 60}`]
	];
}

function mappingContent(record: RecordInput): Content[] {
	const standards = record.standards.length
		? [label('Local practice standards'), { ul: record.standards }]
		: [];
	if (!record.mapping)
		return [label('Mapped to'), paragraph(null, 'Not mapped yet.'), ...standards];
	return [
		label(`Mapped to (${record.mapping.framework})`),
		{
			ul: record.mapping.outcomes.map((outcome) => ({
				stack: [
					`${outcome.id} ${outcome.title}`.trim(),
					...(outcome.statements.length
						? [{ ul: outcome.statements.map((s) => `${s.id} ${s.text}`.trim()), fontSize: 10 }]
						: [])
				]
			}))
		},
		...standards
	];
}

function feedbackContent(record: RecordInput): Content[] {
	return [
		...(record.review_feedback?.trim()
			? [label('Assessor’s feedback'), paragraph(record.review_feedback)]
			: []),
		...(record.comments.length
			? [
					label('Comments'),
					...record.comments.map((c) => ({
						stack: [
							{ text: `${c.authorName}, ${formatDateTime(c.created_at)}`, style: 'hint' },
							paragraph(c.body)
						]
					}))
				]
			: [])
	];
}

/** Every file attached to the records, with the record it belongs to. */
export function attachmentsSection(records: RecordInput[]): Content[] {
	const files = records.flatMap((record) =>
		record.attachments.map((file) => [
			file.name,
			record.title,
			file.mime,
			formatFileSize(file.size),
			formatDate(file.created_at)
		])
	);
	return [
		heading('Attachments', true),
		files.length
			? table(['File', 'Record', 'Type', 'Size', 'Added'], files, ['*', '*', 90, 45, 75])
			: paragraph(null, 'No files are attached to these records.')
	];
}
