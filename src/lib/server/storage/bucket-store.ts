import {
	DeleteObjectCommand,
	GetObjectCommand,
	HeadBucketCommand,
	HeadObjectCommand,
	ListObjectsV2Command,
	PutObjectCommand,
	S3Client,
	S3ServiceException
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import type { BucketLocation } from './location.js';
import { hashPattern, markerName, notStored, type FileStore, type StoreEntry } from './store';

// An S3-compatible bucket (AWS S3, MinIO, …), through the AWS SDK. A PUT is whole or nothing,
// so a bucket never holds a half-written file and has no temporary files to sweep. The SDK
// reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or the machine's role) itself.

const missing = (error: unknown) =>
	error instanceof S3ServiceException &&
	(error.name === 'NoSuchKey' ||
		error.name === 'NotFound' ||
		error.$metadata.httpStatusCode === 404);

export function bucketStore(location: BucketLocation, address: string): FileStore {
	const client = new S3Client({
		region: location.region,
		endpoint: location.endpoint,
		// MinIO and most S3-compatible servers answer at <endpoint>/<bucket>, not <bucket>.<endpoint>.
		forcePathStyle: location.endpoint !== undefined
	});
	const Bucket = location.bucket;
	const keyOf = (hash: string) => `${location.prefix}${hash.slice(0, 2)}/${hash}`;
	const markerKey = `${location.prefix}${markerName}`;

	async function get(Key: string) {
		try {
			const { Body } = await client.send(new GetObjectCommand({ Bucket, Key }));
			return Body as Readable;
		} catch (error) {
			if (missing(error)) return undefined;
			throw error;
		}
	}

	async function read(hash: string) {
		const body = await get(keyOf(hash));
		if (!body) throw notStored(hash);
		const chunks: Buffer[] = [];
		for await (const chunk of body) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks);
	}

	async function size(hash: string) {
		try {
			const head = await client.send(new HeadObjectCommand({ Bucket, Key: keyOf(hash) }));
			return head.ContentLength;
		} catch (error) {
			if (missing(error)) return undefined;
			throw error;
		}
	}

	async function put(hash: string, bytes: Uint8Array) {
		await client.send(
			new PutObjectCommand({
				Bucket,
				Key: keyOf(hash),
				Body: bytes,
				ContentLength: bytes.length,
				ContentType: 'application/octet-stream',
				// The bucket checks the bytes arrived whole against the hash they are stored under.
				ChecksumSHA256: Buffer.from(hash, 'hex').toString('base64')
			})
		);
	}

	async function list() {
		const entries: StoreEntry[] = [];
		let ContinuationToken: string | undefined;
		do {
			const page = await client.send(
				new ListObjectsV2Command({ Bucket, Prefix: location.prefix, ContinuationToken })
			);
			for (const object of page.Contents ?? []) {
				const [folder, hash, ...rest] = (object.Key ?? '').slice(location.prefix.length).split('/');
				if (rest.length || !hashPattern.test(hash ?? '') || !hash.startsWith(folder)) continue;
				entries.push({ file: object.Key!, hash, modified: object.LastModified ?? new Date() });
			}
			ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
		} while (ContinuationToken);
		return entries;
	}

	async function readMarker() {
		const body = await get(markerKey);
		if (!body) return undefined;
		let text = '';
		for await (const chunk of body) text += chunk;
		return text.trim();
	}

	async function writeMarker(id: string) {
		try {
			// Only where there is none: AWS S3 and MinIO refuse the PUT when the key exists.
			await client.send(
				new PutObjectCommand({ Bucket, Key: markerKey, Body: `${id}\n`, IfNoneMatch: '*' })
			);
			return id;
		} catch (error) {
			const status = (error as S3ServiceException).$metadata?.httpStatusCode;
			if (status !== 412 && status !== 409) throw error;
			return (await readMarker()) ?? '';
		}
	}

	return {
		name: address,
		put,
		size,
		read,
		async open(hash) {
			const body = await get(keyOf(hash));
			if (!body) throw notStored(hash);
			return body;
		},
		async remove(hash) {
			await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(hash) }));
		},
		list,
		async removeTemporary() {
			throw new Error('A bucket holds no temporary files.');
		},
		readMarker,
		writeMarker,
		async check() {
			await client.send(new HeadBucketCommand({ Bucket }));
		}
	};
}
