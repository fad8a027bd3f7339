import { z } from 'zod';
import { required } from '../forms';

export const teamFormSchema = z.object({
	name: required('Enter the team’s name', 100),
	managerId: z.string().optional().default('')
});
