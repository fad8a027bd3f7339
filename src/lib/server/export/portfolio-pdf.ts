import type { Db } from '../db';
import { renderPdfOffThread, type RenderStage } from '../pdf/thread';
import { portfolioContents, type PortfolioOptions } from './portfolio-contents';
import { portfolioDocument } from './portfolio-document';

export type { PortfolioOptions } from './portfolio-contents';

/**
 * A practitioner's portfolio as PDF bytes, rendered in a worker thread so that other requests
 * are answered meanwhile: every record by default, or the moderation panel's pack
 * (`kind: 'pack'`), or one programme period (`period`, an enrolment id). Throws when there is no
 * such person or period; callers check who may have it.
 */
export async function portfolioPdf(
	db: Db,
	ownerId: string,
	options: PortfolioOptions & { onStage?: (stage: RenderStage) => void } = {}
): Promise<Buffer> {
	const contents = await portfolioContents(db, ownerId, options);
	if (!contents) throw new Error(`There is no portfolio ${ownerId} with that period.`);
	return renderPdfOffThread(portfolioDocument(contents), options.onStage);
}
