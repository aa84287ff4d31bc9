import { scenarios } from '../../fakes/aws/index.js';
import { harness, type Harness } from './helpers.js';

const { BUCKET, COMMIT, PREVIOUS_COMMIT, REPOSITORY, REPOSITORY_URI } = scenarios;

describe('ImagePort on the fake ECR and S3', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  test('describe by tag: digest, push time, tags and scan findings', async () => {
    h = await harness({ scenario: scenarios.success().scenario });
    const image = await h.ports.images.describe({ repository: REPOSITORY, tag: '4c1f3e9' });
    expect(image).toEqual({
      uri: `${REPOSITORY_URI}:4c1f3e9`,
      tag: '4c1f3e9',
      digest: scenarios.digestFor(COMMIT),
      pushedAt: '2025-05-06T09:01:18.000Z',
      scanFindings: { HIGH: 1, MEDIUM: 4, LOW: 9, INFORMATIONAL: 2 },
    });
    expect(h.fake.counts()).toEqual({ DescribeImages: 1 });
  });

  test('describe by digest: the URI pins the digest, the first tag is reported, no scan means no counts', async () => {
    h = await harness({ scenario: scenarios.success().scenario });
    const digest = scenarios.digestFor(PREVIOUS_COMMIT);
    const image = await h.ports.images.describe({ repository: REPOSITORY, digest, registryId: '123456789012' });
    expect(image).toEqual({ uri: `${REPOSITORY_URI}@${digest}`, tag: PREVIOUS_COMMIT.slice(0, 7), digest, pushedAt: '2025-05-06T08:50:11.000Z' });
  });

  test('a missing image or repository is undefined; the repository case is logged', async () => {
    h = await harness({ scenario: scenarios.success().scenario });
    expect(await h.ports.images.describe({ repository: REPOSITORY, tag: 'nope123' })).toBeUndefined();
    expect(await h.ports.images.describe({ repository: 'not-there', tag: '4c1f3e9' })).toBeUndefined();
    expect(h.logs).toEqual([expect.stringMatching(/^warning: ECR repository not-there does not exist/)]);
    const errors = h.fake.calls.map((c) => c.error);
    expect(errors).toEqual(['ImageNotFoundException', 'RepositoryNotFoundException']);
  });

  test('imageDetailFromArtifact reads imageDetail.json out of the zipped build output', async () => {
    const c = scenarios.success();
    h = await harness({ scenario: c.scenario });
    const key = scenarios.artifactKeyFor(c.executionId!, 'BuildOutput');
    const text = await h.ports.images.imageDetailFromArtifact({ bucket: BUCKET, key });
    expect(JSON.parse(text!)).toEqual({ ImageURI: `${REPOSITORY_URI}:4c1f3e9` });
    // Path-style: the bucket is in the path, not the host name.
    expect(h.fake.calls).toEqual([expect.objectContaining({ service: 's3', operation: 'GetObject', status: 200, style: 'path', body: { bucket: BUCKET, key } })]);
  });

  test('imageDetailFromArtifact: no object, no imageDetail.json, not a zip → undefined', async () => {
    const c = scenarios.success();
    c.scenario.objects!.push(
      { bucket: BUCKET, key: 'myapp-ecs-pipeline/BuildOutpu/plain', body: '{"ImageURI":"x"}' },
      { bucket: BUCKET, key: 'myapp-ecs-pipeline/BuildOutpu/nodetail', body: scenarios.imageDetailZip(COMMIT).subarray(0, 0) },
    );
    h = await harness({ scenario: c.scenario });
    expect(await h.ports.images.imageDetailFromArtifact({ bucket: BUCKET, key: 'myapp-ecs-pipeline/BuildOutpu/missing' })).toBeUndefined();
    expect(await h.ports.images.imageDetailFromArtifact({ bucket: BUCKET, key: 'myapp-ecs-pipeline/BuildOutpu/plain' })).toBeUndefined();
    expect(await h.ports.images.imageDetailFromArtifact({ bucket: BUCKET, key: 'myapp-ecs-pipeline/BuildOutpu/nodetail' })).toBeUndefined();
    expect(h.logs.filter((l) => l.includes('is not a readable zip artifact'))).toHaveLength(2);
    await expect(h.ports.images.imageDetailFromArtifact({ bucket: 'someone-elses-bucket', key: 'k' })).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });

  test('an artifact without imageDetail.json is undefined', async () => {
    const c = scenarios.success();
    const { createZip } = await import('../../fakes/aws/zip.js');
    c.scenario.objects!.push({ bucket: BUCKET, key: 'p/BuildOutpu/none', body: createZip([{ name: 'taskdef.json', data: '{}' }]) });
    h = await harness({ scenario: c.scenario });
    expect(await h.ports.images.imageDetailFromArtifact({ bucket: BUCKET, key: 'p/BuildOutpu/none' })).toBeUndefined();
  });
});
