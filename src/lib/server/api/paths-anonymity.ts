import { checkRefusals, maxCheckedText } from '../portfolio/anonymity-api';
import { errorResponse, ref } from './paths';

// The anonymity check's route in the OpenAPI document.

/** The answer to the request's example, as the service gives it (a test holds it to that). */
const checkExample = {
	findings: [
		{
			kind: 'name',
			start: 10,
			end: 20,
			match: 'Jane Smith',
			message:
				'This looks like a person’s name. Use a role or an initial instead, such as ‘the child (A)’ or ‘Mother’.'
		},
		{
			kind: 'date-of-birth',
			start: 26,
			end: 32,
			match: '4/5/15',
			message: 'This looks like a date of birth. Use an age instead, such as ‘aged 9’.'
		},
		{
			kind: 'postcode',
			start: 37,
			end: 44,
			match: 'GL1 2AB',
			message: 'This looks like a postcode. Leave out addresses and postcodes.'
		}
	]
};
const refusal = (errors: { field: string; message: string }[]) => ({ value: { errors } });

export function anonymityCheckPath() {
	return {
		post: {
			operationId: 'checkAnonymity',
			tags: ['anonymity'],
			summary: 'Looks for details in a text that could identify a child or family',
			description: `The check the service runs on records before they are submitted, on one text of up to ${maxCheckedText.toLocaleString('en-GB')} characters: names, dates of birth, addresses, postcodes, NHS and National Insurance numbers, court case and pupil numbers, case records’ numbers, phone numbers, email addresses, social media accounts, vehicle registrations and local schools and settings. For the service’s own pages, which use it to warn as a person types: by session only, from the service’s origin. The signed-in person’s own name is not reported.`,
			security: [{ session: [] }],
			requestBody: {
				required: true,
				content: {
					'application/json': {
						schema: ref('AnonymityCheckRequest'),
						example: { text: 'I visited Jane Smith (DOB 4/5/15) at GL1 2AB.' }
					}
				}
			},
			responses: {
				200: {
					description: 'What was found, in the order found; none is an empty list',
					content: {
						'application/json': {
							schema: ref('AnonymityCheck'),
							example: checkExample
						}
					}
				},
				400: {
					description: 'No text, a text that is not a string, or one too long',
					content: {
						'application/json': {
							schema: ref('FieldErrors'),
							examples: {
								notText: refusal([checkRefusals.notText]),
								tooLong: refusal([checkRefusals.tooLong]),
								body: refusal([checkRefusals.notAnObject])
							}
						}
					}
				},
				401: errorResponse('Not signed in', { signedOut: checkRefusals.signedOut }),
				403: errorResponse('Sent from another site', {
					crossSite: 'Cross-site requests are not allowed.'
				})
			}
		}
	};
}
