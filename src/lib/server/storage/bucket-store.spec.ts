import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '.';
import { startBucketServer, type TestBucketServer } from './testing';

describe('a bucket that cannot be used', () => {
	let server: TestBucketServer;
	beforeAll(async () => (server = await startBucketServer(['files'])));
	afterAll(() => server.close());

	it('is reached when it is there, and named when it is not', async () => {
		await expect(openStore(server.address('files')).check()).resolves.toBeUndefined();
		await expect(openStore(server.address('no-such-bucket')).check()).rejects.toThrow(
			'there is no bucket "no-such-bucket"'
		);
	});

	it('is named by its address without the query, which messages print', () => {
		expect(openStore(server.address('files', 'golden-thread')).name).toBe(
			's3://files/golden-thread'
		);
	});
});
