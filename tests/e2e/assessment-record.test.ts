import { expect } from '@playwright/test';
import {
	agreeInitialPlan,
	checklistRow,
	enrolNewAsye,
	writeFirstReflection,
	writeInitialPlan
} from './assessment-flow';
import { expectNoAxeViolations } from './axe';
import { demoAccounts, submit } from './session';
import { test } from './walk';

// The ASYE assessment record: a new ASYE writes their first development plan and a reflection,
// their assessor reads the reflection on the review page and agrees the plan, and the checklist
// on both sides (and in the practitioner's own pack) goes from missing to ✓.

test('a plan and a reflection written, the plan agreed: the checklist goes from missing to ✓', async ({
	as,
	baseURL
}) => {
	const people = {
		practitioner: { name: 'Rowan Hale', email: 'rowan.hale@demo.test' },
		assessor: { name: 'Quinn Marsh', email: 'quinn.marsh@demo.test' }
	};
	const practitionerId = await enrolNewAsye(baseURL!, await as(demoAccounts.admin), people);

	const worker = await as(people.practitioner.email);
	await writeInitialPlan(worker);
	await expectNoAxeViolations(worker);
	await writeFirstReflection(worker);

	const assessor = await as(people.assessor.email);
	await assessor.goto(`/supervision/${practitionerId}/reviews/month-3`);
	await expect(
		assessor.getByRole('heading', { name: 'Rowan Hale’s critical reflection' })
	).toBeVisible();
	await expect(assessor.getByRole('main')).toContainText(
		'I learnt to explain why I am there before asking anything.'
	);
	await expect(checklistRow(assessor, 'Initial development plan')).toContainText(
		'Written, not yet agreed'
	);
	await expectNoAxeViolations(assessor);
	await agreeInitialPlan(assessor, practitionerId);
	await expectNoAxeViolations(assessor);

	// Agreed, the plan is kept as agreed: the practitioner reads it and can no longer change it.
	await worker.goto('/portfolio/programme');
	await expect(checklistRow(worker, 'Initial development plan')).toContainText('✓ Agreed');
	await worker.getByRole('link', { name: 'Initial development plan' }).click();
	await expect(worker.getByText('Your assessor has agreed this plan')).toBeVisible();
	await expect(worker.getByRole('button', { name: 'Save the plan' })).toHaveCount(0);
	await expectNoAxeViolations(worker);

	// Their own pack, as the panel reads it, with nothing to change.
	await worker.goto('/portfolio/programme');
	await worker.getByRole('link', { name: 'your moderation panel pack' }).click();
	await expect(worker.getByRole('heading', { level: 1 })).toHaveText('Rowan Hale');
	await expect(checklistRow(worker, 'Initial development plan')).toContainText('✓ Agreed');
	await expect(
		checklistRow(worker, '2 pieces of feedback from people who use services')
	).toContainText('Missing 0 of 2 pieces of feedback from people who use services');
	await expect(worker.getByRole('region', { name: 'Initial development plan' })).toContainText(
		`By ${people.assessor.name}`
	);
	await expect(worker.locator('main form')).toHaveCount(0);
	await expectNoAxeViolations(worker);
});

test('a plan changed by two people at once: the later save is refused, keeping what was typed', async ({
	as,
	baseURL
}) => {
	const people = {
		practitioner: { name: 'Sasha Lowe', email: 'sasha.lowe@demo.test' },
		assessor: { name: 'Tariq Bell', email: 'tariq.bell@demo.test' }
	};
	const practitionerId = await enrolNewAsye(baseURL!, await as(demoAccounts.admin), people);
	const worker = await as(people.practitioner.email);
	await writeInitialPlan(worker);

	// The assessor opens the plan; the practitioner changes it meanwhile.
	const assessor = await as(people.assessor.email);
	await assessor.goto(`/supervision/${practitionerId}/plans/initial`);
	await worker.goto('/portfolio/programme/plans/initial');
	await worker.getByLabel('Development goals').fill('Direct work, and analysis in assessments.');
	await submit(worker, 'Save the plan');
	await expect(worker).toHaveURL(/\/portfolio\/programme\?saved=plan#record$/);

	await assessor.getByLabel('Development goals').fill('The assessor’s words.');
	await submit(assessor, 'Save the plan');
	await expect(assessor.locator('.govuk-error-summary')).toContainText(
		'This plan was changed by someone else'
	);
	await expect(assessor.getByLabel('Development goals')).toHaveValue('The assessor’s words.');
	await expectNoAxeViolations(assessor);
	await assessor.goto(`/supervision/${practitionerId}/plans/initial`);
	await expect(assessor.getByRole('main')).toContainText(
		'Direct work, and analysis in assessments.'
	);
});
