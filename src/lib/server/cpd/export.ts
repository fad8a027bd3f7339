import type { Content } from 'pdfmake/interfaces';
import { formatDate, plural } from '$lib/format';
import type { Db } from '../db';
import { recordEvent } from '../db/events';
import { renderPdf } from '../pdf/render';
import { toCsv, type Table } from '../workforce/figures';
import type { CheckedCpdRecord, CpdYear } from './year';

// A CPD year to download, in the fields Social Work England's online account asks for and in
// its order: as CSV for a spreadsheet, or as PDF to read and keep.

type Field = {
	key: string;
	label: string;
	/** The date as a person reads it in the PDF; the CSV keeps `2026-11-23`, which spreadsheets sort. */
	value: (record: CheckedCpdRecord, readable: boolean) => string;
};

export const cpdFields: Field[] = [
	{ key: 'type', label: 'Type', value: (r) => r.typeLabel },
	{
		key: 'description',
		label: 'Description and relevance to practice',
		value: (r) => [r.title, r.relevance.trim()].filter(Boolean).join('\n\n')
	},
	{ key: 'date', label: 'Date', value: (r, readable) => (readable ? formatDate(r.date) : r.date) },
	{ key: 'learning', label: 'What was learnt', value: (r) => r.learning },
	{ key: 'impact', label: 'Impact on practice', value: (r) => r.impact },
	{
		key: 'peer',
		label: 'Peer reflection',
		value: (r) => (r.peerReflected ? r.peerReflection.trim() || 'Reflected on with a peer.' : '')
	}
];

/** The year's records as CSV: a header row, then one row a record, formulas defused. */
export function cpdCsv(cpd: CpdYear): string {
	const table: Table = {
		id: 'cpd',
		title: `CPD ${cpd.year.name}`,
		columns: cpdFields.map(({ key, label }) => ({ key, label })),
		rows: cpd.records.map((record) =>
			Object.fromEntries(cpdFields.map((f) => [f.key, f.value(record, false)]))
		)
	};
	return toCsv(table);
}

/** The download's file name, e.g. `cpd-2026-SW123456.csv`. */
export const cpdFileName = (cpd: CpdYear, format: 'csv' | 'pdf') =>
	`cpd-${cpd.year.name}-${(cpd.person.sweNumber ?? '').replace(/[^A-Za-z0-9]/g, '')}.${format}`;

/** The year's records as a PDF: who, which year, the checklist, then each record's fields. */
export function cpdPdf(cpd: CpdYear): Promise<Buffer> {
	const { person, year, rule, checklist } = cpd;
	const period = `${formatDate(year.start)} to ${formatDate(year.end)}`;
	const records: Content[] = cpd.records.map((record, i) => [
		{ text: `${i + 1}. ${record.title}`, style: 'heading' },
		...cpdFields.map((field) => [
			{ text: field.label, style: 'subheading' },
			{
				text: field.value(record, true) || 'Not written',
				style: field.value(record, true) ? undefined : 'hint'
			}
		])
	]);
	return renderPdf({
		title: `CPD for the registration year ${period}`,
		footer: `${person.name}, ${person.sweNumber}: CPD ${year.name}`,
		content: [
			{ text: 'My CPD year', style: 'title' },
			`${person.name}, Social Work England registration ${person.sweNumber}.`,
			`Registration year ${period}.`,
			{
				text: `${plural(checklist?.records ?? 0, 'piece')} of CPD (at least ${rule.minimumRecords} asked for), ${checklist?.peerReflected ?? 0} reflected on with a peer (at least ${rule.minimumPeerReflected} asked for).`,
				margin: [0, 8, 0, 0]
			},
			records.length ? records : { text: 'No CPD recorded in this year.', style: 'heading' }
		]
	});
}

export const cpdFormats = { csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' } as const;
export type CpdFormat = keyof typeof cpdFormats;

/** The year as a file to download, and the download in the event log (which year, which form). */
export async function downloadCpdYear(db: Db, actorId: string, cpd: CpdYear, format: CpdFormat) {
	const bytes = format === 'csv' ? Buffer.from(cpdCsv(cpd)) : await cpdPdf(cpd);
	await recordEvent(db, {
		actorId,
		action: 'cpd.exported',
		subjectType: 'user',
		subjectId: actorId,
		detail: { year: cpd.year.name, format, records: cpd.records.length }
	});
	return { bytes, type: cpdFormats[format], name: cpdFileName(cpd, format) };
}
