import { z } from 'zod';
import { emailField, required } from '../forms';
import { careerStages, roles } from '../db/schema';
import type { PersonInput } from './users';

/** A Social Work England registration number, as written once trimmed and in capitals. */
export const sweNumberPattern = /^SW\d{1,8}$/;
export const sweNumberMessage =
	'Enter a Social Work England registration number like SW123456, or leave it blank';

/** The administrator's form for a person, as used to invite and to edit. */
export const personFormSchema = z
	.object({
		name: required('Enter the person’s full name'),
		email: emailField(),
		roles: z.array(z.enum(roles, { error: 'Choose roles from the list' })),
		teamId: z.string().optional().default(''),
		careerStage: z
			.union([z.literal(''), z.enum(careerStages)], {
				error: 'Choose a career stage from the list'
			})
			.optional()
			.default(''),
		sweNumber: z
			.string()
			.trim()
			.toUpperCase()
			.refine((v) => v === '' || sweNumberPattern.test(v), sweNumberMessage)
			.optional()
			.default('')
	})
	.transform((v): PersonInput => ({
		name: v.name,
		email: v.email,
		roles: v.roles,
		teamId: v.teamId || null,
		careerStage: v.careerStage || null,
		sweNumber: v.sweNumber || null
	}));

export const personFormLists = ['roles'];
