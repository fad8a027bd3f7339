import type { Db } from '../db';
import { roles as allRoles, rolesInOrder, type Role } from '../db/schema';
import type { SessionUser, ValidSession } from './session';
import { hasTwoFactor } from './two-factor';

// Who must have a second factor: the roles in MFA_REQUIRED_ROLES (by default administrators,
// principal social workers and auditors, who see the most). The demo authority, marked by its
// seed, keeps password-only sign-in so that anyone can try each role, unless MFA_REQUIRED_ROLES
// is set. SSO sessions are exempt: the identity provider applies its own second factor.

export const defaultRequiredRoles: readonly Role[] = ['admin', 'psw', 'auditor'];

/**
 * MFA_REQUIRED_ROLES read: undefined when it is not set, no roles when set empty (or `none`),
 * and a clear error naming the roles there are for any other word, so a typo stops the server
 * rather than leaving a role without its second factor.
 */
export function readRequiredRoles(value = process.env.MFA_REQUIRED_ROLES): Role[] | undefined {
	if (value === undefined) return undefined;
	const names = value
		.split(',')
		.map((name) => name.trim().toLowerCase())
		.filter((name) => name && name !== 'none');
	const unknown = names.filter((name) => !(allRoles as readonly string[]).includes(name));
	if (unknown.length)
		throw new Error(
			`MFA_REQUIRED_ROLES names ${unknown.map((n) => `"${n}"`).join(', ')}, which is not a role: use ${allRoles.join(', ')}, or leave it empty for none`
		);
	return rolesInOrder(names);
}

export async function isDemoAuthority(db: Db) {
	const row = await db
		.selectFrom('authority_settings')
		.select('value')
		.where('name', '=', 'demo')
		.executeTakeFirst();
	return row?.value === 'yes';
}

/** Marks the database as the demo authority's: called by the demo seed. */
export async function markDemoAuthority(db: Db) {
	await db
		.insertInto('authority_settings')
		.values({ name: 'demo', value: 'yes' })
		.onConflict((oc) => oc.column('name').doUpdateSet({ value: 'yes' }))
		.execute();
}

/** The roles that must have a second factor here. */
export async function requiredRoles(db: Db, setting = readRequiredRoles()) {
	if (setting) return setting;
	return (await isDemoAuthority(db)) ? [] : [...defaultRequiredRoles];
}

/** Whether someone's roles require a second factor here. */
export async function roleRequiresTwoFactor(
	db: Db,
	user: SessionUser,
	setting = readRequiredRoles()
) {
	// Most people hold no role that could require one: no need to ask the database.
	if (!user.roles.some((role) => (setting ?? defaultRequiredRoles).includes(role))) return false;
	const required = await requiredRoles(db, setting);
	return user.roles.some((role) => required.includes(role));
}

/**
 * Whether a signed-in person must set up a second factor before anything else: they signed in
 * with a password, hold a role that requires one, and have none.
 */
export async function mustSetUpTwoFactor(
	db: Db,
	user: SessionUser,
	session: ValidSession,
	setting = readRequiredRoles()
) {
	return (
		session.method === 'password' &&
		(await roleRequiresTwoFactor(db, user, setting)) &&
		!(await hasTwoFactor(db, user.id))
	);
}

/** What such a person may still reach: the set-up page, and signing out. */
export const reachableBeforeSetUp = (pathname: string) =>
	pathname === '/account/two-factor' || pathname === '/sign-out';
