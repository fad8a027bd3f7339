import { frameworkFromUrl } from '$lib/server/framework';
import { frameworkToJson } from '$lib/server/framework/json';
import { publicJson } from '$lib/server/http/public-json';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	const framework = frameworkFromUrl(url);
	return publicJson(`framework ${framework.version.id}`, () => frameworkToJson(framework));
};
