import { describe, expect, it } from 'vitest';
import { fileStoreSetting, parseStoreLocation } from './location.js';

describe('where the file store is', () => {
	it('is ./data/files, FILES_DIR, or the folder FILES_STORE names', () => {
		expect(fileStoreSetting({})).toBe('./data/files');
		expect(fileStoreSetting({ FILES_DIR: '/srv/files' })).toBe('/srv/files');
		expect(fileStoreSetting({ FILES_STORE: 'file:./data/files' })).toBe('./data/files');
		expect(fileStoreSetting({ FILES_STORE: 's3://files?region=eu-west-2', FILES_DIR: '' })).toBe(
			's3://files?region=eu-west-2'
		);
	});

	it('refuses both settings at once, or an address of another kind', () => {
		expect(() => fileStoreSetting({ FILES_STORE: 'file:/a', FILES_DIR: '/b' })).toThrow(
			'FILES_STORE and FILES_DIR are both set'
		);
		expect(() => fileStoreSetting({ FILES_STORE: 'gs://files' })).toThrow(
			'FILES_STORE must start with "file:" (a folder) or "s3://" (a bucket); it is "gs://files"'
		);
	});

	it('reads a bucket, its prefix, its endpoint and region', () => {
		expect(
			parseStoreLocation(
				's3://golden-thread/files/?endpoint=http%3A%2F%2Fminio%3A9000&region=eu-west-2'
			)
		).toEqual({
			kind: 'bucket',
			bucket: 'golden-thread',
			prefix: 'files/',
			endpoint: 'http://minio:9000',
			region: 'eu-west-2'
		});
		expect(parseStoreLocation('s3://golden-thread', { AWS_REGION: 'eu-west-1' })).toEqual({
			kind: 'bucket',
			bucket: 'golden-thread',
			prefix: '',
			endpoint: undefined,
			region: 'eu-west-1'
		});
		expect(parseStoreLocation('s3://golden-thread', {})).toMatchObject({ region: 'us-east-1' });
	});

	it('reads a folder, with or without file:', () => {
		expect(parseStoreLocation('./data/files')).toEqual({ kind: 'folder', dir: './data/files' });
		expect(parseStoreLocation('file:/srv/files')).toEqual({ kind: 'folder', dir: '/srv/files' });
	});

	it('refuses credentials in the address, a bad bucket name or endpoint', () => {
		expect(() => parseStoreLocation('s3://key:secret@files')).toThrow(
			'FILES_STORE must not hold credentials'
		);
		expect(() => parseStoreLocation('s3://Files_Here')).toThrow(
			'FILES_STORE names no valid bucket'
		);
		expect(() => parseStoreLocation('s3://files?endpoint=minio:9000')).toThrow(
			"FILES_STORE's endpoint must be an http:// or https:// address"
		);
	});
});
