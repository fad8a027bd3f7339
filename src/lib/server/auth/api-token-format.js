// What an API token is, in plain JavaScript so that the app and `npm run create-token` make them
// alike: `gt_` and 160 random bits in base32, for one scope; the database keeps only its SHA-256,
// so a copy of the database holds no usable token.
import { createHash, randomBytes } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** What a token is for: the JSON API under /api/v1, or provisioning people by SCIM. */
export const apiTokenScopes = /** @type {const} */ (['api', 'scim']);

/** A new token, shown once to whoever made it. */
export const newApiToken = () => `gt_${encodeBase32LowerCaseNoPadding(randomBytes(20))}`;

/** What is stored of a token, and looked up when one is sent: its SHA-256, hex. */
export const apiTokenHash = (/** @type {string} */ token) =>
	createHash('sha256').update(token).digest('hex');
