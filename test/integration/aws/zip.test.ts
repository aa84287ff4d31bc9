import { deflateRawSync } from 'node:zlib';
import { findZipFile, listZipEntries, readZipEntry, ZipError } from '../../../src/adapters/aws/zip.js';
import { createZip } from '../../fakes/aws/zip.js';

const DETAIL = '{"ImageURI":"123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:4c1f3e9"}';

/** Made by Python's zipfile (deflate), imageDetail.json in a build/ folder next to appspec.yml. */
const PYTHON_ZIP =
  'UEsDBBQAAAAIAAcee12NfbZ8SwAAAEkAAAAWAAAAYnVpbGQvaW1hZ2VEZXRhaWwuanNvbqtW8sxNTE8NDfJUslIyNDI2MTUzt7A0MDTSS8ku0ktNLtIrLdZNTSwu0TXUS8xNrMrPSywv1kvOz9XPrUwsKLAySTZMM061VKoFAFBLAwQUAAAACAAHHntdU95tpQ8AAAANAAAACwAAAGFwcHNwZWMueW1sK0stKs7Mz7NSMNAz4AIAUEsBAhQDFAAAAAgABx57XY19tnxLAAAASQAAABYAAAAAAAAAAAAAAKSBAAAAAGJ1aWxkL2ltYWdlRGV0YWlsLmpzb25QSwECFAMUAAAACAAHHntdU95tpQ8AAAANAAAACwAAAAAAAAAAAAAApIF/AAAAYXBwc3BlYy55bWxQSwUGAAAAAAIAAgB9AAAAtwAAAAAA';
/** Python's zipfile with force_zip64: Zip64 sizes in the local header only. */
const PYTHON_ZIP64 =
  'UEsDBC0AAAAIAAAAIQCNfbZ8//////////8QABQAaW1hZ2VEZXRhaWwuanNvbgEAEABJAAAAAAAAAEsAAAAAAAAAq1byzE1MTw0N8lSyUjI0MjYxNTO3sDQwNNJLyS7SS00u0ist1k1NLC7RNdRLzE2sys9LLC/WS87P1c+tTCwosDJJNkwzTrVUqgUAUEsBAi0DLQAAAAgAAAAhAI19tnxLAAAASQAAABAAAAAAAAAAAAAAAIABAAAAAGltYWdlRGV0YWlsLmpzb25QSwUGAAAAAAEAAQA+AAAAjQAAAAAA';
/** Info-ZIP reading stdin (`zip - -`): a streamed entry named "-", Zip64 end records. */
const INFOZIP_STREAM =
  'UEsDBC0AAAAAAAsee12NfbZ8//////////8BABQALQEAEABJAAAAAAAAAEkAAAAAAAAAeyJJbWFnZVVSSSI6IjEyMzQ1Njc4OTAxMi5ka3IuZWNyLnVzLWVhc3QtMS5hbWF6b25hd3MuY29tL215YXBwOjRjMWYzZTkifVBLAQIeAy0AAAAAAAsee12NfbZ8SQAAAEkAAAABAAAAAAAAAAEAAACAEQAAAAAtUEsGBiwAAAAAAAAAHgMtAAAAAAAAAAAAAQAAAAAAAAABAAAAAAAAAC8AAAAAAAAAfAAAAAAAAABQSwYHAAAAAKsAAAAAAAAAAQAAAFBLBQYAAAAAAQABAC8AAAB8AAAAAAA=';

const text = (buf: Buffer, name: string): string | undefined => findZipFile(buf, name)?.data.toString('utf8');

describe('zip reader', () => {
  test('reads zips written by other tools', () => {
    const py = Buffer.from(PYTHON_ZIP, 'base64');
    expect(listZipEntries(py).map((e) => [e.name, e.method])).toEqual([
      ['build/imageDetail.json', 8],
      ['appspec.yml', 8],
    ]);
    // Not at the root: found by its base name.
    expect(text(py, 'imageDetail.json')).toBe(DETAIL);
    expect(text(py, 'appspec.yml')).toBe('version: 0.0\n');
    expect(text(Buffer.from(PYTHON_ZIP64, 'base64'), 'imageDetail.json')).toBe(DETAIL);
    const info = Buffer.from(INFOZIP_STREAM, 'base64');
    const [entry] = listZipEntries(info);
    expect(entry).toMatchObject({ name: '-', method: 0, size: DETAIL.length });
    expect(readZipEntry(info, entry).toString()).toBe(DETAIL);
  });

  test.each([
    ['stored', { method: 'store' as const }, {}],
    ['deflated', { method: 'deflate' as const }, {}],
    ['streamed with data descriptors', { method: 'deflate' as const }, { dataDescriptor: true }],
    ['Zip64 everywhere', { method: 'deflate' as const }, { zip64: true }],
    ['Zip64 and streamed', { method: 'store' as const }, { zip64: true, dataDescriptor: true }],
    ['with an archive comment', { method: 'deflate' as const }, { comment: 'made by CodeBuild' }],
  ])('%s entries', (_label, entry, options) => {
    const big = 'x'.repeat(70_000);
    const zip = createZip(
      [
        { name: 'taskdef.json', data: '{"family":"myapp"}', ...entry },
        { name: 'imageDetail.json', data: DETAIL, ...entry },
        { name: 'big.txt', data: big, ...entry },
      ],
      options,
    );
    expect(text(zip, 'imageDetail.json')).toBe(DETAIL);
    expect(text(zip, 'big.txt')).toBe(big);
    expect(text(zip, 'missing.json')).toBeUndefined();
  });

  test('prefers the root file over one in a folder', () => {
    const zip = createZip([
      { name: 'old/imageDetail.json', data: '{"ImageURI":"old"}' },
      { name: 'imageDetail.json', data: DETAIL },
    ]);
    expect(text(zip, 'imageDetail.json')).toBe(DETAIL);
  });

  test('refuses what is not a zip, truncated zips, other methods and bombs', () => {
    expect(() => listZipEntries(Buffer.from(DETAIL))).toThrow(ZipError);
    expect(() => listZipEntries(Buffer.alloc(0))).toThrow(ZipError);
    const zip = createZip([{ name: 'imageDetail.json', data: DETAIL }]);
    expect(() => findZipFile(zip.subarray(0, 20), 'imageDetail.json')).toThrow(ZipError);
    const cut = Buffer.concat([zip.subarray(0, 10), Buffer.alloc(zip.length - 10)]);
    cut.set(zip.subarray(zip.length - 22), zip.length - 22);
    expect(() => findZipFile(cut, 'imageDetail.json')).toThrow(ZipError);
    // Method 12 (bzip2) in both headers.
    const bz = Buffer.from(zip);
    const entry = listZipEntries(zip)[0];
    bz.writeUInt16LE(12, entry.offset + 8);
    const cd = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bz.writeUInt16LE(12, cd + 10);
    expect(() => findZipFile(bz, 'imageDetail.json')).toThrow(/method 12/);
    const bomb = createZip([{ name: 'imageDetail.json', data: Buffer.alloc(2_000_000) }]);
    expect(() => readZipEntry(bomb, listZipEntries(bomb)[0], 1_000_000)).toThrow(/more than/);
    expect(deflateRawSync(Buffer.alloc(2_000_000)).length).toBeLessThan(10_000);
  });
});
