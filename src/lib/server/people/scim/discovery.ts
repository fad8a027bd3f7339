import { maxResults } from './query';
import { schemaIds } from './protocol';

// What a SCIM client may learn of this service before it provisions anyone (RFC 7643 §5–7):
// what it supports, its one resource type (User), and the attributes it keeps. The schemas list
// only what the app keeps; the tests hold every User answer to them. Each is one list, so
// neither has an address of its own per resource.

const endpoint = (origin: string, path: string) => `${origin}/scim/v2${path}`;

export function serviceProviderConfig(origin: string) {
	return {
		schemas: [schemaIds.serviceProviderConfig],
		patch: { supported: true },
		bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
		filter: { supported: true, maxResults },
		changePassword: { supported: false },
		sort: { supported: false },
		etag: { supported: true },
		authenticationSchemes: [
			{
				type: 'oauthbearertoken',
				name: 'Bearer token',
				description:
					'A SCIM token, made by an administrator at /admin/tokens (or by npm run create-token), sent as Authorization: Bearer gt_…',
				primary: true
			}
		],
		meta: {
			resourceType: 'ServiceProviderConfig',
			location: endpoint(origin, '/ServiceProviderConfig')
		}
	};
}

const listOf = <T>(resources: T[]) => ({
	schemas: [schemaIds.listResponse],
	totalResults: resources.length,
	itemsPerPage: resources.length,
	startIndex: 1,
	Resources: resources
});

export function resourceTypes() {
	return listOf([
		{
			schemas: [schemaIds.resourceType],
			id: 'User',
			name: 'User',
			endpoint: '/Users',
			description: 'A person with an account on Golden Thread',
			schema: schemaIds.user,
			schemaExtensions: [{ schema: schemaIds.enterprise, required: false }],
			meta: { resourceType: 'ResourceType' }
		}
	]);
}

interface Attribute {
	name: string;
	type: 'string' | 'boolean' | 'complex' | 'reference';
	multiValued: boolean;
	description: string;
	required: boolean;
	caseExact?: boolean;
	mutability: 'readWrite' | 'readOnly';
	returned: 'default';
	uniqueness: 'none' | 'server';
	subAttributes?: Attribute[];
}

const attribute = (
	name: string,
	type: Attribute['type'],
	description: string,
	more: Partial<Attribute> = {}
): Attribute => ({
	name,
	type,
	multiValued: false,
	description,
	required: false,
	...(type === 'string' ? { caseExact: false } : {}),
	mutability: 'readWrite',
	returned: 'default',
	uniqueness: 'none',
	...more
});

const userAttributes = [
	attribute('userName', 'string', 'Their email address, with which they sign in. Unique.', {
		required: true,
		uniqueness: 'server'
	}),
	attribute('name', 'complex', 'Their name: given and family names make the name shown here.', {
		subAttributes: [
			attribute('formatted', 'string', 'Their whole name, when the parts are not given'),
			attribute('givenName', 'string', 'Their given name'),
			attribute('familyName', 'string', 'Their family name')
		]
	}),
	attribute('displayName', 'string', 'The name shown here, when no other name is given'),
	attribute('active', 'boolean', 'Whether they may sign in. False deactivates them.'),
	attribute('emails', 'complex', 'Their email address: always userName', {
		multiValued: true,
		mutability: 'readOnly',
		subAttributes: [
			attribute('value', 'string', 'The address', { mutability: 'readOnly' }),
			attribute('type', 'string', 'Always work', { mutability: 'readOnly' }),
			attribute('primary', 'boolean', 'Always true', { mutability: 'readOnly' })
		]
	}),
	attribute('externalId', 'string', 'The provisioning client’s own id for them', {
		caseExact: true
	})
];

const enterpriseAttributes = [
	attribute('department', 'string', 'Their team here, by name: it must be a team already'),
	attribute('manager', 'complex', 'Their line manager here: a supervisor', {
		subAttributes: [
			attribute('value', 'string', 'The line manager’s id', { caseExact: true }),
			attribute('displayName', 'string', 'The line manager’s name', { mutability: 'readOnly' })
		]
	})
];

export function schemas() {
	const schema = (id: string, name: string, description: string, attributes: Attribute[]) => ({
		schemas: [schemaIds.schema],
		id,
		name,
		description,
		attributes,
		meta: { resourceType: 'Schema' }
	});
	return listOf([
		schema(schemaIds.user, 'User', 'A person', userAttributes),
		schema(
			schemaIds.enterprise,
			'EnterpriseUser',
			'Their team and line manager',
			enterpriseAttributes
		)
	]);
}
