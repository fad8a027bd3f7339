import { bundledContent } from '../content/bundled.ts';
import { loadRetentionPolicy, type RetentionPolicy } from './policy.ts';

export type { RetentionPolicy } from './policy.ts';

let policy: RetentionPolicy | undefined;

/** The retention policy the app was built with. */
export const retentionPolicy = () => (policy ??= loadRetentionPolicy(bundledContent));
