import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { newId } from '../db/ids';

// For tests: an S3-compatible server (s3rver) in this process, on a free port, keeping its
// objects in a temporary folder; and stores to test the file store's code on, one per kind.

export interface TestBucketServer {
	/** The `s3://` address of a bucket on it, with the server as its endpoint. */
	address(bucket: string, prefix?: string): string;
	close(): Promise<void>;
}

/** Starts s3rver with the given buckets; sets the credentials it takes (its own, S3RVER). */
export async function startBucketServer(buckets: string[]): Promise<TestBucketServer> {
	const directory = mkdtempSync(join(tmpdir(), 'golden-thread-s3-'));
	const server = new S3rver({
		address: '127.0.0.1',
		port: 0,
		silent: true,
		directory,
		configureBuckets: buckets.map((name) => ({ name }))
	});
	const { port } = await server.run();
	process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
	process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
	// The SDK's notice that later versions need Node 22 is for whoever runs the app, not tests.
	process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
	const endpoint = `http://127.0.0.1:${port}`;
	return {
		address: (bucket, prefix = '') =>
			`s3://${bucket}/${prefix}?endpoint=${encodeURIComponent(endpoint)}&region=eu-west-2`,
		async close() {
			await server.close();
			rmSync(directory, { recursive: true, force: true });
		}
	};
}

export interface TestStore {
	name: string;
	/** A new, empty store's address. */
	open(): Promise<string>;
	close(): Promise<void>;
}

/** A folder, and a bucket on s3rver: the file store's tests run on each. */
export function testStores(): TestStore[] {
	const folders: string[] = [];
	let server: TestBucketServer | undefined;
	return [
		{
			name: 'a folder',
			async open() {
				const dir = mkdtempSync(join(tmpdir(), 'golden-thread-store-'));
				folders.push(dir);
				return join(dir, 'files');
			},
			async close() {
				for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
			}
		},
		{
			name: 'an S3 bucket',
			async open() {
				server ??= await startBucketServer(['files']);
				// A prefix of its own in the one bucket: each test starts from an empty store.
				return server.address('files', newId());
			},
			async close() {
				await server?.close();
			}
		}
	];
}
