import { apiRefusals } from '../auth/api-user';
import { programmeDefinition } from '../programme';
import { enrolmentApiRefusals, notAnObject } from '../programme/enrolment-api';
import { enrolmentExample } from './examples';
import { cacheControl, errorResponse, ref } from './paths';

// The enrolment routes of the OpenAPI document: enrolling someone, and reading their programme.

const security = [{ session: [] }, { apiToken: [] }];

const signedOut = () =>
	errorResponse('No session and no token, or a token that is not valid', {
		noCredentials: apiRefusals.noCredentials,
		badToken: apiRefusals.badToken
	});

const notAllowed = () =>
	errorResponse('The person is neither an administrator nor a principal social worker', {
		notAllowed: enrolmentApiRefusals.notAllowed
	});

/** A refusal by field, with an example for each reason given. */
function fieldErrors(
	description: string,
	examples: Record<string, { field: string; message: string }[]>
) {
	return {
		description,
		content: {
			'application/json': {
				schema: ref('FieldErrors'),
				examples: Object.fromEntries(
					Object.entries(examples).map(([name, errors]) => [name, { value: { errors } }])
				)
			}
		}
	};
}

const enrolment = (description: string, headers = {}) => ({
	description,
	headers,
	content: { 'application/json': { schema: ref('Enrolment'), example: enrolmentExample } }
});

export function enrolmentsPath() {
	const asye = programmeDefinition('asye')?.title ?? 'ASYE';
	return {
		post: {
			operationId: 'enrol',
			tags: ['enrolment'],
			summary: 'Enrols someone on a programme',
			description:
				'Enrols an active practitioner on a programme from the content (the ASYE, the early career programme), from a start date, at working hours as a fraction of full time, with an assessor. One active enrolment per person per programme. The change is in the event log as made by the caller.',
			security,
			requestBody: {
				required: true,
				content: {
					'application/json': {
						schema: ref('EnrolmentRequest'),
						example: {
							person: 'new.starter@demo.test',
							programme: 'asye',
							start: '2026-12-01',
							fte: 0.6,
							assessor: 'supervisor@demo.test'
						}
					}
				}
			},
			responses: {
				201: enrolment('Enrolled: the enrolment and its review dates', {
					location: {
						description: 'Where the person’s programme is read',
						schema: { type: 'string' },
						example: '/api/v1/people/new.starter%40demo.test/programme'
					}
				}),
				400: fieldErrors('A field is missing or wrong, or the body is not a JSON object', {
					fields: [
						{ field: 'start', message: 'Give the start date as YYYY-MM-DD, like 2026-12-01' },
						{
							field: 'fte',
							message: 'Give working hours as a fraction of full time from 0.1 to 1, like 0.6'
						}
					],
					body: [notAnObject]
				}),
				401: signedOut(),
				403: notAllowed(),
				409: fieldErrors('They are already on the programme', {
					alreadyEnrolled: [
						{ field: 'programme', message: `Nia Roberts is already on the ${asye}` }
					]
				})
			}
		}
	};
}

export function personProgrammePath() {
	return {
		get: {
			operationId: 'getPersonProgramme',
			tags: ['enrolment'],
			summary: 'Someone’s programme and its review dates',
			description:
				'Their active enrolment, or else their latest one (its status then says how it ended), in the shape enrolling answers with.',
			security,
			parameters: [
				{
					name: 'email',
					in: 'path',
					required: true,
					description: 'The person’s email',
					schema: { type: 'string', examples: ['new.starter@demo.test'] }
				}
			],
			responses: {
				200: enrolment('The enrolment', cacheControl('private, no-store')),
				401: signedOut(),
				403: notAllowed(),
				404: errorResponse('Nobody with that email, or never enrolled', {
					notEnrolled: enrolmentApiRefusals.notEnrolled
				})
			}
		}
	};
}
