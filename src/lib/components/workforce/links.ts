// Where a row of a workforce table links, from its first cell: the same on the view's page and on
// the page of the whole table.

type Row = Record<string, string | number | null>;

const person = (row: Row) => `/workforce/people/${row.practitionerId}`;
const audit = (row: Row) => `/audits/${row.auditId}`;
const pathway = (row: Row) => `/pathways/${row.pathwayId}`;
/** The audit analysis of one team (none for audits of no team). */
const auditTeam = (row: Row) => (row.teamId ? `/workforce/audits?team=${row.teamId}` : undefined);

const links: Record<string, Record<string, (row: Row) => string | undefined>> = {
	coverage: { practitioners: person },
	progress: { progress: person },
	audits: { teams: auditTeam, 'awaiting-response': audit, 'overdue-actions': audit },
	learning: {
		pathways: pathway,
		impact: pathway,
		'needs-by-outcome': (row) => `/framework/${row.outcome}`
	},
	cpd: { people: person },
	report: { actions: audit }
};

/** The link for each row of one of a view's tables, if its rows link anywhere. */
export const rowLink = (view: string, tableId: string) => links[view]?.[tableId];

/** A workforce view's page: `/workforce` for coverage, `/workforce/<view>` for the others. */
export const viewPath = (view: string) =>
	view === 'coverage' ? '/workforce' : `/workforce/${view}`;
