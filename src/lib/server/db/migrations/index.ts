import type { Migration } from 'kysely';
import * as people from './2026-11-25-01-people';
import * as portfolio from './2026-11-25-02-portfolio';
import * as review from './2026-11-25-03-review';
import * as programmes from './2026-11-25-04-programmes';
import * as observations from './2026-11-25-05-observations';
import * as panel from './2026-11-25-06-panel';
import * as reminders from './2026-11-25-07-reminders';
import * as supervisionRecords from './2026-11-25-08-supervision-records';
import * as agreementTime from './2026-11-25-09-agreement-time';
import * as audits from './2026-11-25-10-audits';
import * as workforce from './2026-11-25-11-workforce';
import * as fileStore from './2026-11-29-02-file-store';
import * as signoffHeads from './2026-11-29-01-signoff-heads';
import * as needsMetOnAcceptance from './2026-11-29-03-needs-met-on-acceptance';
import * as evidenceStandards from './2026-11-29-04-evidence-standards';
import * as relationships from './2026-11-30-01-relationships';
import * as enrolmentLifecycle from './2026-11-30-02-enrolment-lifecycle';
import * as assessmentRecord from './2026-11-30-10-assessment-record';
import * as supervisionSchedule from './2026-11-30-11-supervision-schedule';
import * as sso from './2026-12-01-01-sso';
import * as twoFactor from './2026-12-01-02-two-factor';
import * as importsAndLeavers from './2026-12-01-03-imports-and-leavers';
import * as scim from './2026-12-01-04-scim';
import * as erasure from './2026-12-02-01-erasure';
import * as portfolioImports from './2026-12-02-03-portfolio-imports';
import * as cpdReminders from './2026-12-02-05-cpd-reminders';
import * as guestLinks from './2026-12-02-10-guest-links';
import * as qaCoverage from './2026-12-03-01-qa-coverage';
import * as feedbackRequests from './2026-12-03-10-feedback-requests';
import * as observationInvitations from './2026-12-03-20-observation-invitations';
import * as auditVoices from './2026-12-03-30-audit-voices';
import * as healthChecks from './2026-12-03-31-health-checks';
import * as attachmentTextCheck from './2026-12-04-01-attachment-text-check';
import * as leases from './2026-12-05-01-leases';
import * as speedAtScale from './2026-12-05-10-speed-at-scale';
import * as auditAreaMonths from './2026-12-06-10-audit-area-months';
import * as pdfJobs from './2026-12-07-01-pdf-jobs';
import * as impactKey from './2026-12-07-10-impact-key';
import * as reportIndexes from './2026-12-08-10-report-indexes';
import * as auditModerationMonths from './2026-12-08-20-audit-moderation-months';
import * as qaLatest from './2026-12-09-01-qa-latest';
import * as auditGradeThemeMonths from './2026-12-10-01-audit-grade-theme-months';
import * as learningNeedMonths from './2026-12-10-02-learning-need-months';
import * as cpdYears from './2026-12-10-03-cpd-years';
import * as coverageTeamMonths from './2026-12-10-04-coverage-team-months';
import * as auditActionScope from './2026-12-10-05-audit-action-scope';
import * as figureVersions from './2026-12-11-01-figure-versions';
import * as impactFigures from './2026-12-12-01-impact-figures';
import * as figuresOnceATransaction from './2026-12-12-02-figures-once-a-transaction';
import * as recountsOnceATransaction from './2026-12-12-03-recounts-once-a-transaction';
import * as pathwayReach from './2026-12-13-01-pathway-reach';
import * as extensionLookup from './2026-12-13-02-extension-lookup';

/** Every migration by its dated name; Kysely runs them in name order. */
export const migrations: Record<string, Migration> = {
	'2026-11-25-01-people': people,
	'2026-11-25-02-portfolio': portfolio,
	'2026-11-25-03-review': review,
	'2026-11-25-04-programmes': programmes,
	'2026-11-25-05-observations': observations,
	'2026-11-25-06-panel': panel,
	'2026-11-25-07-reminders': reminders,
	'2026-11-25-08-supervision-records': supervisionRecords,
	'2026-11-25-09-agreement-time': agreementTime,
	'2026-11-25-10-audits': audits,
	'2026-11-25-11-workforce': workforce,
	'2026-11-29-01-signoff-heads': signoffHeads,
	'2026-11-29-02-file-store': fileStore,
	'2026-11-29-03-needs-met-on-acceptance': needsMetOnAcceptance,
	'2026-11-29-04-evidence-standards': evidenceStandards,
	'2026-11-30-01-relationships': relationships,
	'2026-11-30-02-enrolment-lifecycle': enrolmentLifecycle,
	'2026-11-30-10-assessment-record': assessmentRecord,
	'2026-11-30-11-supervision-schedule': supervisionSchedule,
	'2026-12-01-01-sso': sso,
	'2026-12-01-02-two-factor': twoFactor,
	'2026-12-01-03-imports-and-leavers': importsAndLeavers,
	'2026-12-01-04-scim': scim,
	'2026-12-02-01-erasure': erasure,
	'2026-12-02-03-portfolio-imports': portfolioImports,
	'2026-12-02-05-cpd-reminders': cpdReminders,
	'2026-12-02-10-guest-links': guestLinks,
	'2026-12-03-01-qa-coverage': qaCoverage,
	'2026-12-03-10-feedback-requests': feedbackRequests,
	'2026-12-03-20-observation-invitations': observationInvitations,
	'2026-12-03-30-audit-voices': auditVoices,
	'2026-12-03-31-health-checks': healthChecks,
	'2026-12-04-01-attachment-text-check': attachmentTextCheck,
	'2026-12-05-01-leases': leases,
	'2026-12-05-10-speed-at-scale': speedAtScale,
	'2026-12-06-10-audit-area-months': auditAreaMonths,
	'2026-12-07-01-pdf-jobs': pdfJobs,
	'2026-12-07-10-impact-key': impactKey,
	'2026-12-08-10-report-indexes': reportIndexes,
	'2026-12-08-20-audit-moderation-months': auditModerationMonths,
	'2026-12-09-01-qa-latest': qaLatest,
	'2026-12-10-01-audit-grade-theme-months': auditGradeThemeMonths,
	'2026-12-10-02-learning-need-months': learningNeedMonths,
	'2026-12-10-03-cpd-years': cpdYears,
	'2026-12-10-04-coverage-team-months': coverageTeamMonths,
	'2026-12-10-05-audit-action-scope': auditActionScope,
	'2026-12-11-01-figure-versions': figureVersions,
	'2026-12-12-01-impact-figures': impactFigures,
	'2026-12-12-02-figures-once-a-transaction': figuresOnceATransaction,
	'2026-12-12-03-recounts-once-a-transaction': recountsOnceATransaction,
	'2026-12-13-01-pathway-reach': pathwayReach,
	'2026-12-13-02-extension-lookup': extensionLookup
};
