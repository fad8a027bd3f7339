import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { timestamp } from '../db/time';

export interface Mail {
	to: string;
	subject: string;
	body: string;
}

let transport: Transporter | undefined;

/**
 * Every message is kept in the outbox first, so none is lost; it is then sent through SMTP
 * when SMTP_URL is set. Without SMTP_URL, administrators read it in the outbox.
 */
export async function sendMail(db: Db, mail: Mail, now = new Date()) {
	const id = newId();
	await db
		.insertInto('outbox')
		.values({
			id,
			recipient: mail.to,
			subject: mail.subject,
			body: mail.body,
			created_at: timestamp(now),
			sent_at: null,
			error: null
		})
		.execute();
	const smtp = process.env.SMTP_URL;
	if (!smtp) return id;
	try {
		transport ??= nodemailer.createTransport(smtp);
		await transport.sendMail({
			from: process.env.MAIL_FROM || 'Golden Thread <no-reply@localhost>',
			to: mail.to,
			subject: mail.subject,
			text: mail.body
		});
		await db.updateTable('outbox').set({ sent_at: timestamp() }).where('id', '=', id).execute();
	} catch (error) {
		await db
			.updateTable('outbox')
			.set({ error: String((error as Error).message ?? error) })
			.where('id', '=', id)
			.execute();
	}
	return id;
}

export function listOutbox(db: Db, limit = 100) {
	return db.selectFrom('outbox').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
}

export async function countUnsent(db: Db) {
	const row = await db
		.selectFrom('outbox')
		.select((eb) => eb.fn.countAll().as('n'))
		.where('sent_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
