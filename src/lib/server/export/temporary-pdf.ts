import type { Db } from '../db';
import { formatDate } from '$lib/format';
import { renderPdf } from '../pdf/render';

// TODO(issue 17, at merge): a stand-in until portfolioPdf (export/portfolio-pdf.ts, written on
// another branch) is merged; the export routes then call that instead and this file goes.

/** A minimal portfolio PDF: whose it is, and each record's date and title. */
export async function temporaryPortfolioPdf(db: Db, ownerId: string): Promise<Buffer> {
	const person = await db
		.selectFrom('users')
		.select('name')
		.where('id', '=', ownerId)
		.executeTakeFirstOrThrow();
	const records = await db
		.selectFrom('evidence')
		.select(['title', 'activity_date'])
		.where('owner_id', '=', ownerId)
		.orderBy('activity_date')
		.execute();
	return renderPdf({
		title: `Portfolio of ${person.name}`,
		content: [
			{ text: `Portfolio of ${person.name}`, style: 'title' },
			{ ul: records.map((r) => `${formatDate(r.activity_date)}: ${r.title}`) }
		]
	});
}
