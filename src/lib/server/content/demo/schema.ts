import { z } from 'zod';
import { grades } from '../../../audit/grades.ts';
import { careerStages, roles } from '../../db/schema.ts';
import { feedbackRelationships } from '../../../feedback/vocabulary.ts';
import { interimRecommendations, type Recommendation } from '../../../programme/vocabulary.ts';

// The shapes of the demo authority's YAML files in content/demo/.

const email = z.string().regex(/^[a-z.]+@demo\.test$/, 'must be a @demo.test address');
const emails = z.array(email);
const text = z.string().min(1);
const ids = z.array(z.string());
const grade = z.enum(grades);
const count = z.number().int().min(0);
const person = { email, name: text, stage: z.enum(careerStages).optional() };

export const leaderSchema = z.strictObject({
	...person,
	roles: z.array(z.enum(roles)).min(1),
	team: text.optional(),
	/** Practitioners this person assesses (an external assessor) from their first day. */
	assesses: emails.optional()
});

export const authoritySchema = z.strictObject({
	leaders: z.array(leaderSchema),
	teams: z.array(
		z.strictObject({
			name: text,
			/** The service the team belongs to (the health check merges small teams into it). */
			service: text.optional(),
			manager: email,
			practiceSupervisor: email,
			practitioners: z.array(
				z.strictObject({
					...person,
					asyeMonth: z.number().int().min(1).max(12).optional(),
					/** Supervised by the team manager for this many months first. */
					managerFirst: count.min(1).optional(),
					/** Just joined: not yet supervised, nor on a programme. */
					newStarter: z.literal(true).optional()
				})
			)
		})
	)
});

const session = { agenda: text, discussion: text, decisions: text };

/** A request for feedback by link: to whom, and how many days ago it was sent. */
const feedbackRequest = z.strictObject({
	relationship: z.enum(Object.keys(feedbackRelationships) as [keyof typeof feedbackRelationships]),
	name: text.optional(),
	email: z.email(),
	/** The title of one of the demo ASYE's records it is about. */
	about: text.optional(),
	daysAgo: count
});
const feedbackAnswered = feedbackRequest.extend({
	answeredDaysAgo: count,
	answers: z.partialRecord(
		z.enum(['wentWell', 'couldBeBetter', 'strengths', 'toDevelop', 'anythingElse']),
		text
	)
});

export const programmeSchema = z.strictObject({
	demoAsye: email,
	signoffs: z.strictObject({ for: emails, rationale: text.includes('{title}') }),
	partTime: z.record(email, z.number().int().min(1).max(100)),
	extension: z.strictObject({ for: email, months: count.min(1), reason: text }),
	overdueReviews: z.record(email, text),
	notYetAgreed: emails,
	missedSupervision: emails,
	selfAssessmentNote: text,
	attachment: z.strictObject({ name: text, text }),
	review: z.strictObject({
		/** Every review the demo records comes before the final one. */
		recommendation: z.enum(interimRecommendations as [Recommendation]),
		progress: z.record(z.string(), text),
		strengths: text,
		areasToDevelop: text,
		practitionerComments: text
	}),
	plans: z.record(z.string(), z.strictObject({ goals: text, actions: text })),
	reflections: z.record(z.string(), text),
	observations: z.array(
		z.strictObject({
			/** Every ASYE at least this far into their year has had it… */
			fromMonth: z.number().int().min(1).max(12),
			/** …this many months after they started. */
			monthsIn: count,
			setting: text,
			wentWell: text,
			toDevelop: text,
			statement: text
		})
	),
	supervisionSessions: z.array(z.strictObject({ ...session, action: text.optional() })).min(1),
	supervision: z.strictObject({ ...session, action: text }),
	agreement: text,
	protectedTime: z.array(z.strictObject({ weeksAgo: count, minutes: count, activity: text })),
	feedback: z.strictObject({ answered: feedbackAnswered, waiting: feedbackRequest }),
	invitedObservations: z.strictObject({
		recorded: z.strictObject({
			observerName: text,
			/** Someone from outside the authority: not a @demo.test address. */
			observerEmail: z.email().refine((e) => !e.endsWith('@demo.test'), 'must be from outside'),
			setting: text,
			invitedDaysAgo: count,
			daysAgo: count,
			wentWell: text,
			toDevelop: text,
			statement: text
		}),
		open: z.strictObject({ setting: text, daysAhead: count })
	})
});

const finding = z.strictObject({ id: text, text, outcomes: ids.min(1), standards: ids });
const action = z.strictObject({ text, dueInDays: count });
const audit = { practitioner: email, auditor: email, coAuditor: email.optional() };

export const auditsSchema = z.strictObject({
	rotation: z.array(z.strictObject({ auditors: emails.min(1), practitioners: emails.min(1) })),
	gradeWeights: z.partialRecord(grade, count),
	themes: z.array(text).length(3),
	stories: z.array(
		z.strictObject({
			...audit,
			monthsAgo: z.number().positive(),
			base: grade,
			force: z.record(z.string(), z.enum([...grades, 'not-applicable'])).optional(),
			grip: z.boolean().optional(),
			developments: ids.optional(),
			strengths: ids.optional()
		})
	),
	developments: z.array(finding).min(1),
	strengths: z.array(finding).min(1),
	childViews: z.array(z.string()),
	parentViews: z.array(z.string()),
	viewsNotObtained: z.strictObject({ child: text, parent: text }),
	workerView: text,
	managerView: text,
	gradeEvidence: text.includes('{grade}'),
	gripReason: text,
	actions: z.strictObject({ development: action, supervision: action }),
	followUp: z.strictObject({
		answeredInHours: z.strictObject({ 'same-day': count, 'urgent-review': count }),
		receivedInDays: count,
		doneInDays: count,
		signedOffInDays: count,
		moderatedInDays: count
	}),
	responses: z.strictObject({ 'same-day': text, 'urgent-review': text }),
	receipt: text,
	moderation: z.strictObject({ lowered: text, loweredEvidence: text, agreed: text }),
	inProgress: z.strictObject({
		...audit,
		caseRef: text,
		areas: count.min(1),
		grade,
		evidence: text
	}),
	pathways: z.strictObject({
		completedBy: emails,
		inDays: z.strictObject({
			needAge: count,
			assigned: count,
			firstStep: count,
			completed: count,
			accepted: count
		}),
		reflection: text,
		toTeam: z.strictObject({ pathway: text, team: text, daysAgo: count, dueInMonths: count }),
		toService: z.strictObject({ pathway: text, daysAgo: count })
	})
});

export type DemoProgramme = z.infer<typeof programmeSchema>;
export type DemoAudits = z.infer<typeof auditsSchema>;
export type DemoFinding = z.infer<typeof finding>;

const respondent = z.string().regex(/^[a-z.]+@example\.com$/, 'must be an @example.com address');

export const voicesSchema = z.strictObject({
	auditVoices: z.array(
		z.strictObject({
			relationship: z.enum(['child', 'parent-carer', 'worker']),
			name: text.optional(),
			email: respondent,
			answer: z
				.strictObject({ rating: z.number().int().min(1).max(5), helped: text, better: text })
				.optional()
		})
	),
	healthCheck: z.strictObject({
		openedDaysAgo: count.min(1),
		closedDaysAgo: count,
		answered: z.record(z.string(), count),
		usual: z.record(z.string(), z.number().min(1).max(5)),
		comments: z.array(text)
	})
});

export type DemoVoices = z.infer<typeof voicesSchema>;
