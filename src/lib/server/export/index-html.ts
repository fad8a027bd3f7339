import {
	cpdTypes,
	evidenceStatuses,
	evidenceTypes,
	reflectiveModels
} from '$lib/portfolio/vocabulary';
import { formatDate, plural } from '$lib/format';
import type { PortfolioFile, PortfolioHistory, PortfolioRecord } from './portfolio-schema';

// `index.html`: the portfolio in the ZIP as a page anyone can open in a browser, with no
// network and no scripts. Every text from a record is escaped; links go only to the files
// beside it in the ZIP.

const escapes: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]);

/** A relative link to a path in the ZIP, each part percent-encoded. */
const hrefOf = (path: string) => path.split('/').map(encodeURIComponent).join('/');

const paragraphs = (text: string) =>
	text.trim()
		? text
				.trim()
				.split(/\n\s*\n/)
				.map((p) => `<p>${escapeHtml(p).replaceAll('\n', '<br>')}</p>`)
				.join('')
		: '<p class="none">Not written</p>';

const row = (label: string, value: string) => `<dt>${escapeHtml(label)}</dt><dd>${value}</dd>`;

/** Outcome titles by framework version and id, where the version is known here. */
export type OutcomeTitles = (version: string, outcomeId: string) => string | undefined;

function mappingHtml(record: PortfolioRecord, titles: OutcomeTitles) {
	const { frameworkVersion, outcomes, statements } = record.mapping;
	if (!frameworkVersion || outcomes.length === 0) return '<p class="none">Not mapped</p>';
	const items = outcomes.map((id) => {
		const title = titles(frameworkVersion, id);
		const own = statements.filter((s) => s.outcomeId === id).map((s) => s.statementId);
		return `<li>${escapeHtml(title ? `${id} ${title}` : id)}${own.length ? `: ${escapeHtml(own.join(', '))}` : ''}</li>`;
	});
	return `<p>Framework version ${escapeHtml(frameworkVersion)}</p><ul>${items.join('')}</ul>`;
}

function historyHtml(history: PortfolioHistory, where: string) {
	const lines = [
		row('Status', escapeHtml(evidenceStatuses[history.status])),
		history.submittedAt ? row('Submitted', formatDate(history.submittedAt)) : '',
		history.review
			? row(
					'Reviewed',
					`${escapeHtml(history.review.by)}, ${formatDate(history.review.at)}${history.review.feedback ? paragraphs(history.review.feedback) : ''}`
				)
			: '',
		history.observation
			? row(
					'Observation',
					`${escapeHtml(history.observation.by)}, ${formatDate(history.observation.observedOn)}, ${escapeHtml(history.observation.setting)}` +
						`<h5>What went well</h5>${paragraphs(history.observation.wentWell)}` +
						`<h5>What to develop</h5>${paragraphs(history.observation.toDevelop)}` +
						`<h5>Reflection</h5>${paragraphs(history.observation.reflection)}`
				)
			: '',
		...history.comments.map((c) =>
			row(`Comment by ${c.by}, ${formatDate(c.at)}`, paragraphs(c.body))
		)
	];
	return `<h4>${escapeHtml(where)}</h4><dl>${lines.join('')}</dl>`;
}

function recordHtml(record: PortfolioRecord, index: number, titles: OutcomeTitles) {
	const model = reflectiveModels[record.reflectionModel];
	const reflection = model.prompts
		.map((p) => row(p.label, paragraphs(record.reflection[p.key] ?? '')))
		.join('');
	const files = record.files.length
		? `<ul>${record.files.map((f) => `<li><a href="${escapeHtml(hrefOf(f.path))}">${escapeHtml(f.name)}</a> (${escapeHtml(f.mime)}, ${f.size.toLocaleString('en-GB')} bytes)</li>`).join('')}</ul>`
		: '<p class="none">No files</p>';
	const cpd = record.cpd;
	return `<section id="record-${index + 1}">
<h3>${index + 1}. ${escapeHtml(record.title)}</h3>
<dl>${row('Date of the activity', formatDate(record.activityDate))}${row('Type of evidence', escapeHtml(evidenceTypes[record.type]))}</dl>
<h4>Account of the activity</h4>${paragraphs(record.account)}
<h4>Reflection (${escapeHtml(model.name)})</h4><dl>${reflection}</dl>
<h4>Continuing professional development</h4>
<dl>${row('Type of CPD', escapeHtml(cpd.type ? cpdTypes[cpd.type] : 'Not given'))}${row('Description and relevance to practice', paragraphs(cpd.relevance))}${row('What was learnt', paragraphs(cpd.learning))}${row('Impact on practice', paragraphs(cpd.impact))}${row('Reflected on with a peer', cpd.peerReflected === null ? 'Not given' : cpd.peerReflected ? 'Yes' : 'No')}${cpd.peerReflected ? row('What reflecting with a peer added', paragraphs(cpd.peerReflection)) : ''}${cpd.minutes ? row('Hours', String(cpd.minutes / 60)) : ''}</dl>
<h4>Outcomes and statements</h4>${mappingHtml(record, titles)}
<h4>Local practice standards</h4>${record.standards.length ? `<ul>${record.standards.map((s) => `<li>${escapeHtml(`${s.ref} (edition ${s.setVersion})`)}</li>`).join('')}</ul>` : '<p class="none">None</p>'}
<h4>Files</h4>${files}
${historyHtml(record.history, 'Its history here')}
${record.importedFrom ? historyHtml(record.importedFrom, `Its history at ${record.importedFrom.origin}, before it was imported on ${formatDate(record.importedFrom.importedAt)}`) : ''}
</section>`;
}

function signoffsHtml(data: PortfolioFile) {
	if (data.signoffs.length === 0) return '<p class="none">No sign-offs</p>';
	const rows = data.signoffs.map(
		(s) =>
			`<tr><td>${formatDate(s.at)}</td><td>${escapeHtml(s.action === 'sign-off' ? 'Signed off' : 'Withdrawn')}</td><td>${escapeHtml(`${s.outcomeId} (${s.frameworkVersion})`)}</td><td>${escapeHtml(s.by)}${s.origin ? `, at ${escapeHtml(s.origin)}` : ''}</td><td>${paragraphs(s.rationale)}</td></tr>`
	);
	return `<table><thead><tr><th>Date</th><th>What</th><th>Outcome</th><th>Who</th><th>Rationale</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const style = `body{font-family:Arial,sans-serif;max-width:50em;margin:1em auto;padding:0 1em;line-height:1.4;color:#0b0c0c}
section{border-top:2px solid #b1b4b6;margin-top:2em}dt{font-weight:bold;margin-top:.5em}dd{margin-left:0}
.none{color:#505a5f}table{border-collapse:collapse}td,th{border-bottom:1px solid #b1b4b6;padding:.3em;text-align:left;vertical-align:top}`;

/** The readable page for the ZIP. */
export function portfolioHtml(data: PortfolioFile, titles: OutcomeTitles = () => undefined) {
	const title = `Portfolio of ${data.person.name}`;
	return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>Exported from ${escapeHtml(data.exportedFrom)} on ${formatDate(data.exportedAt)}: ${plural(data.records.length, 'record')} and ${plural(data.signoffs.length, 'sign-off entry', 'sign-off entries')}. The same portfolio is in <a href="portfolio.json">portfolio.json</a> (for another service to read) and <a href="portfolio.pdf">portfolio.pdf</a> (to print).</p>
<h2>Records</h2>
${data.records.map((r, i) => recordHtml(r, i, titles)).join('\n') || '<p class="none">No records</p>'}
<h2>Sign-offs</h2>
${signoffsHtml(data)}
</body>
</html>
`;
}
