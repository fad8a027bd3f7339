import type { CarriedMapping } from './import-mapping';

// What an import did, kept with it as JSON (`portfolio_imports.summary`) for its page.

/** One record: the draft it became, and what of its mapping could not come across. */
export interface RecordReport extends Omit<CarriedMapping, 'mapping'> {
	evidenceId: string;
	originalId: string;
	/** Refs of local practice standards this authority does not have. */
	standardsDropped: string[];
}

export interface SignoffReport {
	count: number;
	/**
	 * Whether the sign-offs made where it was exported check out: each entry's hash covers its
	 * fields and the entry before it (`signoff/chain.js`). `none` when there were none.
	 */
	check: 'verified' | 'broken' | 'none';
	problems: string[];
}

export interface ImportSummary {
	/** Whose portfolio the file says it is, as the authority it came from knew them. */
	person: { name: string; email: string };
	records: RecordReport[];
	files: number;
	signoffs: SignoffReport;
}

export const parseSummary = (json: string) => JSON.parse(json) as ImportSummary;
