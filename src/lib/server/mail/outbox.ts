import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db';
import { batches } from '../db/batches';
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
	const [id] = await sendMails(db, [mail], now);
	return id;
}

/** Keeps many messages in the outbox in few statements (an import's invitations), then sends each. */
export async function sendMails(db: Db, mails: Mail[], now = new Date()) {
	const rows = mails.map((mail) => ({ id: newId(), mail }));
	for (const group of batches(rows))
		await db
			.insertInto('outbox')
			.values(
				group.map(({ id, mail }) => ({
					id,
					recipient: mail.to,
					subject: mail.subject,
					body: mail.body,
					created_at: timestamp(now),
					sent_at: null,
					error: null
				}))
			)
			.execute();
	const smtp = process.env.SMTP_URL;
	if (smtp) for (const { id, mail } of rows) await deliver(db, smtp, id, mail);
	return rows.map((r) => r.id);
}

async function deliver(db: Db, smtp: string, id: string, mail: Mail) {
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
