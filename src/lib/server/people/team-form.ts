import { z } from 'zod';
import { required } from '../forms';

export const teamFormSchema = z.object({
	name: required('Enter the team’s name', 100),
	managerId: z.string().optional().default(''),
	service: z.string().trim().max(100, 'The service must be 100 characters or fewer').default('')
});
