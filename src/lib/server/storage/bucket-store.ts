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

/** Reads a whole body: a file's bytes, or the marker's text. */
async function bytesOf(body: Readable) {
	const chunks: Buffer[] = [];
	for await (const chunk of body) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

export class BucketStore implements FileStore {
	private readonly client: S3Client;
	private readonly bucket: string;
	private readonly markerKey: string;

	constructor(
		private readonly location: BucketLocation,
		readonly name: string
	) {
		this.client = new S3Client({
			region: location.region,
			endpoint: location.endpoint,
			// MinIO and most S3-compatible servers answer at <endpoint>/<bucket>, not <bucket>.<endpoint>.
			forcePathStyle: location.endpoint !== undefined
		});
		this.bucket = location.bucket;
		this.markerKey = `${location.prefix}${markerName}`;
	}

	private keyOf(hash: string) {
		return `${this.location.prefix}${hash.slice(0, 2)}/${hash}`;
	}

	/** The object's body, or undefined when there is none. */
	private async get(Key: string) {
		try {
			const { Body } = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key }));
			return Body as Readable;
		} catch (error) {
			if (missing(error)) return undefined;
			throw error;
		}
	}

	async size(hash: string) {
		try {
			const head = await this.client.send(
				new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(hash) })
			);
			return head.ContentLength;
		} catch (error) {
			if (missing(error)) return undefined;
			throw error;
		}
	}

	async put(hash: string, bytes: Uint8Array) {
		await this.client.send(
			new PutObjectCommand({
				Bucket: this.bucket,
				Key: this.keyOf(hash),
				Body: bytes,
				ContentLength: bytes.length,
				ContentType: 'application/octet-stream',
				// The bucket checks the bytes arrived whole against the hash they are stored under.
				ChecksumSHA256: Buffer.from(hash, 'hex').toString('base64')
			})
		);
	}

	async read(hash: string) {
		const body = await this.get(this.keyOf(hash));
		if (!body) throw notStored(hash);
		return bytesOf(body);
	}

	async open(hash: string) {
		const body = await this.get(this.keyOf(hash));
		if (!body) throw notStored(hash);
		return body;
	}

	async remove(hash: string) {
		await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.keyOf(hash) }));
	}

	async list() {
		const { prefix } = this.location;
		const entries: StoreEntry[] = [];
		let ContinuationToken: string | undefined;
		do {
			const page = await this.client.send(
				new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken })
			);
			for (const object of page.Contents ?? []) {
				const [folder, hash, ...rest] = (object.Key ?? '').slice(prefix.length).split('/');
				if (rest.length || !hashPattern.test(hash ?? '') || !hash.startsWith(folder)) continue;
				entries.push({ file: object.Key!, hash, modified: object.LastModified ?? new Date() });
			}
			ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
		} while (ContinuationToken);
		return entries;
	}

	async removeTemporary(): Promise<void> {
		throw new Error('A bucket holds no temporary files.');
	}

	async readMarker() {
		const body = await this.get(this.markerKey);
		return body && (await bytesOf(body)).toString('utf8').trim();
	}

	async writeMarker(id: string) {
		try {
			// Only where there is none: AWS S3 and MinIO refuse the PUT when the key exists.
			await this.client.send(
				new PutObjectCommand({
					Bucket: this.bucket,
					Key: this.markerKey,
					Body: `${id}\n`,
					IfNoneMatch: '*'
				})
			);
			return id;
		} catch (error) {
			const status = (error as S3ServiceException).$metadata?.httpStatusCode;
			if (status !== 412 && status !== 409) throw error;
			return (await this.readMarker()) ?? '';
		}
	}

	async check() {
		try {
			await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
		} catch (error) {
			// HEAD answers carry no message: say what the status means.
			const status = (error as S3ServiceException).$metadata?.httpStatusCode;
			if (status === 404) throw new Error(`there is no bucket "${this.bucket}"`, { cause: error });
			if (status === 403)
				throw new Error('access denied: check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY', {
					cause: error
				});
			throw error;
		}
	}
}
