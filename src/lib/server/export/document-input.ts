import type { OutcomeCoverage } from '../portfolio/coverage';
import type { ChecklistItem } from '../programme/checklist';

// What a portfolio PDF (the owner's, or the moderation panel's pack) is made from: plain data,
// gathered from the database by `portfolio-contents.ts` and laid out by `portfolio-document.ts`,
// which tests give fixtures of this shape.

export interface PortfolioDocumentInput {
	/** The owner's portfolio (every record), or the panel's pack (accepted records). */
	kind: 'portfolio' | 'pack';
	person: { name: string; sweNumber: string | null };
	/** When it was made, an ISO timestamp. */
	madeAt: string;
	/** One programme period of the portfolio, or all of it when null. */
	period: { title: string; from: string; to: string } | null;
	frameworkName: string;
	domains: { id: string; title: string }[];
	coverage: {
		id: string;
		title: string;
		outcomes: Pick<
			OutcomeCoverage,
			'id' | 'title' | 'records' | 'accepted' | 'knows' | 'does' | 'signedOff'
		>[];
	}[];
	programme: ProgrammeInput | null;
	observations: ObservationInput[];
	/** When each self-assessment was made. */
	selfAssessments: string[];
	signoffs: SignoffInput[];
	records: RecordInput[];
}

export interface ProgrammeInput {
	title: string;
	startsOn: string;
	endsOn: string;
	/** Working hours as a fraction of full time. */
	fte: number;
	agreement: { terms: string; signatures: { who: string; signedAt: string | null }[] } | null;
	checklist: Pick<ChecklistItem, 'requirement' | 'state' | 'status'>[];
	reviews: ReviewInput[];
	plans: { title: string; written: WrittenPlanInput | null }[];
	reflections: {
		reviewTitle: string;
		written: { reflection: string; updated_at: string } | null;
	}[];
}

export interface ReviewInput {
	title: string;
	final: boolean;
	completed_at: string;
	reviewerName: string | null;
	progress: Record<string, string>;
	strengths: string;
	areas_to_develop: string;
	practitioner_comments: string;
	recommendation: string;
	reflection_given: number | null;
	countersignerName: string | null;
	countersigned_at: string | null;
	panel_decision: 'agree' | 'refer-back' | null;
	panelName: string | null;
	panel_at: string | null;
	panel_reasons: string | null;
}

export interface WrittenPlanInput {
	goals: string;
	actions: string;
	updatedByName: string | null;
	updated_at: string;
	agreedByName: string | null;
	agreed_at: string | null;
}

export interface ObservationInput {
	setting: string;
	observed_on: string;
	observerName: string;
	went_well: string;
	to_develop: string;
	practitioner_reflection: string;
}

/** One entry of the sign-off chain: a sign-off or its withdrawal. */
export interface SignoffInput {
	/** The outcome, named: "2.3 Assessment". */
	outcome: string;
	action: 'sign-off' | 'withdraw';
	actorName: string;
	created_at: string;
	rationale: string;
	/** The titles of the records cited. */
	evidence: string[];
}

export interface RecordInput {
	title: string;
	activity_date: string;
	type: string;
	status: string;
	account: string;
	reflection_model: string;
	reflection: Record<string, string>;
	cpd_type: string | null;
	cpd_relevance: string;
	cpd_learning: string;
	cpd_impact: string;
	peer_reflected: number | null;
	peer_reflection: string;
	cpd_minutes: number | null;
	reviewerName: string | null;
	reviewed_at: string | null;
	review_feedback: string | null;
	/** Where a record imported from another authority came from, and when. */
	importedFrom?: { origin: string; at: string } | null;
	mapping: {
		framework: string;
		outcomes: { id: string; title: string; statements: { id: string; text: string }[] }[];
	} | null;
	standards: string[];
	comments: { authorName: string; created_at: string; body: string }[];
	attachments: { name: string; mime: string; size: number; created_at: string }[];
}
