import { Readable } from 'node:stream';

/**
 * The Content-Disposition of a download: always an attachment, never shown inline, with the name
 * in plain ASCII for old browsers and in full (RFC 5987) for the rest.
 */
export function attachmentDisposition(name: string): string {
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** A ZIP streamed to the browser as a download, kept by no cache. */
export function zipDownload(name: string, stream: Readable): Response {
	return new Response(Readable.toWeb(stream) as ReadableStream, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': attachmentDisposition(name),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
}
