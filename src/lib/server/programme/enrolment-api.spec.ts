import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db';
import { newUser, testDatabases } from '../db/testing';
import { enrolFromRequest, programmeByEmail } from './enrolment-api';

describe.each(testDatabases())('enrolments by the JSON API on $name', (database) => {
	let db: Db;
	let close: () => Promise<void>;
	beforeAll(async () => ({ db, close } = await database.open()));
	afterAll(() => close());

	const refusal = (promise: ReturnType<typeof enrolFromRequest>) =>
		promise.then((r) => ('enrolment' in r ? 'accepted' : { status: r.status, errors: r.errors }));

	it('enrols, answers with the review dates, and refuses a second enrolment with 409', async () => {
		const admin = await newUser(db, { roles: ['admin'] });
		await newUser(db, { email: 'nia@test.example' });
		await newUser(db, { email: 'sam@test.example', roles: ['supervisor'] });
		const body = {
			person: 'Nia@test.example',
			programme: 'asye',
			start: '2026-12-01',
			fte: 0.6,
			assessor: 'sam@test.example'
		};
		const created = await enrolFromRequest(db, admin, body).then((r) =>
			'enrolment' in r ? r.enrolment : r
		);
		expect(created).toEqual({
			id: expect.any(String),
			person: 'nia@test.example',
			programme: 'asye',
			start: '2026-12-01',
			fte: 0.6,
			assessor: 'sam@test.example',
			status: 'active',
			reviews: [
				{ name: '3-month review', due: '2027-05-01' },
				{ name: '6-month review', due: '2027-10-01' },
				{ name: '9-month review', due: '2028-03-01' },
				{ name: 'Final review', due: '2028-08-01' }
			]
		});
		expect(await programmeByEmail(db, 'nia@test.example')).toEqual(created);
		expect(await refusal(enrolFromRequest(db, admin, body))).toEqual({
			status: 409,
			errors: [{ field: 'programme', message: expect.stringContaining('is already on the') }]
		});
	});

	it('refuses bad input with 400, a message for each field by its name in the request', async () => {
		const admin = await newUser(db, { roles: ['admin'] });
		await newUser(db, { email: 'chris@test.example' });
		expect(
			await refusal(
				enrolFromRequest(db, admin, {
					person: 'not an email',
					programme: 'nope',
					start: '2026-02-30',
					fte: 1.5
				})
			)
		).toEqual({
			status: 400,
			errors: ['person', 'programme', 'start', 'fte', 'assessor'].map((field) => ({
				field,
				message: expect.any(String)
			}))
		});
		expect(await refusal(enrolFromRequest(db, admin, [1, 2]))).toMatchObject({
			status: 400,
			errors: [{ field: 'body' }]
		});
		const good = {
			person: 'chris@test.example',
			programme: 'asye',
			start: '2026-12-01',
			fte: 1,
			assessor: 'nobody@test.example'
		};
		expect(await refusal(enrolFromRequest(db, admin, good))).toEqual({
			status: 400,
			errors: [{ field: 'assessor', message: 'There is nobody with this email address' }]
		});
		expect(
			await refusal(enrolFromRequest(db, admin, { ...good, assessor: 'chris@test.example' }))
		).toMatchObject({ status: 400, errors: [{ field: 'assessor' }] });
		expect(
			await refusal(enrolFromRequest(db, admin, { ...good, start: '1 December 2026' }))
		).toMatchObject({ status: 400, errors: [{ field: 'start' }] });
		expect(await refusal(enrolFromRequest(db, admin, { ...good, fte: 0.655 }))).toMatchObject({
			status: 400,
			errors: [{ field: 'fte' }]
		});
		expect(await programmeByEmail(db, 'chris@test.example')).toBeUndefined();
	});
});
