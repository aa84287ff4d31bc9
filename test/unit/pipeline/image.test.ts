import {
  candidateFromEcrTag,
  candidateFromImageDetail,
  candidateFromOutputVariables,
  candidateFromSnapshot,
  describeQuery,
  ecrRepositoriesIn,
  imageDetailArtifact,
  parseImageUri,
  parseRepository,
  toDeployedImage,
} from '../../../src/core/pipeline/image.js';
import { build, buildFailed, SHA, snapshot, source, stage, deploy } from './fixtures.js';

const REPO_URI = '123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp';
const DIGEST = 'sha256:4b2a5b42273a39cfd89579b443f0e4ba4110abba3447175fca18f81f0c2af790';

describe('parseImageUri', () => {
  it('parses private ECR URIs with tag or digest', () => {
    expect(parseImageUri(`${REPO_URI}:9b8c7d6`)).toEqual({
      registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com',
      repository: 'myapp',
      tag: '9b8c7d6',
      account: '123456789012',
      region: 'us-east-1',
      isEcr: true,
    });
    expect(parseImageUri(`123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/myapp@${DIGEST}`)).toMatchObject({ repository: 'team/myapp', digest: DIGEST, region: 'eu-west-1' });
    expect(parseImageUri(`123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/myapp:v1`)).toMatchObject({ region: 'cn-north-1', isEcr: true });
  });

  it('parses other registries', () => {
    expect(parseImageUri('node:18-alpine')).toEqual({ registry: 'docker.io', repository: 'library/node', tag: '18-alpine', isEcr: false });
    expect(parseImageUri('public.ecr.aws/docker/library/node:20-alpine')).toMatchObject({ registry: 'public.ecr.aws', repository: 'docker/library/node', isEcr: false });
    expect(parseImageUri('localhost:5000/myapp:dev')).toMatchObject({ registry: 'localhost:5000', repository: 'myapp', tag: 'dev' });
  });

  it('refuses what is not an image reference', () => {
    expect(parseImageUri('<IMAGE1_NAME>')).toBeUndefined();
    expect(parseImageUri('')).toBeUndefined();
    expect(parseImageUri(`${REPO_URI}:`)).toBeUndefined();
    expect(parseImageUri(`${REPO_URI}@sha256:xyz`)).toBeUndefined();
    expect(parseImageUri('my app:1')).toBeUndefined();
    expect(parseImageUri(42 as unknown as string)).toBeUndefined();
  });
});

describe('sources, in order', () => {
  it('1. IMAGE_URI from the CodeBuild action\'s output variables', () => {
    const c = candidateFromSnapshot(snapshot());
    expect(c).toEqual({
      foundIn: 'output-variables',
      foundDetail: 'Build / BuildImage output variable `IMAGE_URI`',
      uri: `${REPO_URI}:9b8c7d6`,
      repository: 'myapp',
      registryId: '123456789012',
      tag: '9b8c7d6',
    });
    expect(describeQuery(c!)).toEqual({ repository: 'myapp', registryId: '123456789012', tag: '9b8c7d6' });
  });

  it('1. IMAGE_TAG with the ecr-repository input (a name or a URI), else with a repository variable', () => {
    expect(candidateFromOutputVariables({ IMAGE_TAG: '9b8c7d6' }, { where: 'Build / BuildImage', ecrRepository: 'myapp' })).toEqual({
      foundIn: 'output-variables',
      foundDetail: 'Build / BuildImage output variable `IMAGE_TAG` with the `ecr-repository` input',
      repository: 'myapp',
      tag: '9b8c7d6',
    });
    expect(candidateFromOutputVariables({ IMAGE_TAG: '9b8c7d6' }, { where: 'B', ecrRepository: REPO_URI })?.uri).toBe(`${REPO_URI}:9b8c7d6`);
    expect(candidateFromOutputVariables({ IMAGE_TAG: '9b8c7d6', REPOSITORY_URI: REPO_URI }, { where: 'B' })).toMatchObject({ uri: `${REPO_URI}:9b8c7d6`, foundDetail: 'B output variable `IMAGE_TAG` with `REPOSITORY_URI`' });
    expect(candidateFromOutputVariables({ IMAGE_TAG: '9b8c7d6' }, { where: 'B' })).toBeUndefined();
    expect(candidateFromOutputVariables({ IMAGE_URI: '<IMAGE1_NAME>' }, { where: 'B' })).toBeUndefined();
    expect(candidateFromOutputVariables({ IMAGE_URI: `${REPO_URI}:v1`, IMAGE_DIGEST: DIGEST }, { where: 'B' })?.digest).toBe(DIGEST);
  });

  it('ignores failed builds and actions without variables', () => {
    expect(candidateFromSnapshot(buildFailed())).toBeUndefined();
  });

  it('2. imageDetail.json from the deploy action\'s image artifact', () => {
    expect(imageDetailArtifact(snapshot())).toEqual({
      name: 'BuildOutput',
      bucket: 'my-pipeline-artifacts',
      key: 'myapp-ecs-pipel/BuildOutpu/Xk2PqRt',
      where: 'imageDetail.json in artifact `BuildOutput` of Deploy / ECS-BlueGreen',
    });
    expect(candidateFromImageDetail(`\uFEFF{"ImageURI":"${REPO_URI}:9b8c7d6"}`)).toMatchObject({ foundIn: 'imageDetail.json', uri: `${REPO_URI}:9b8c7d6`, tag: '9b8c7d6' });
    // The ECR source action writes more keys.
    const ecrSource = JSON.stringify({ ImageSizeInBytes: '44728918', ImageDigest: DIGEST, Version: '1.0', ImagePushedAt: 'Mon Jan 21 20:04:00 UTC 2019', RegistryId: '123456789012', RepositoryName: 'myapp', ImageURI: `${REPO_URI}@${DIGEST}`, ImageTags: ['latest'] });
    expect(candidateFromImageDetail(ecrSource)).toMatchObject({ digest: DIGEST, repository: 'myapp' });
    expect(candidateFromImageDetail('[{"name":"myapp","imageUri":"x"}]')).toBeUndefined();
    expect(candidateFromImageDetail('not json')).toBeUndefined();
    expect(candidateFromImageDetail('{"ImageURI": 5}')).toBeUndefined();
  });

  it('2. finds no artifact when the deploy action has none', () => {
    const s = snapshot({ stages: [stage('Source', 'Succeeded', [source()]), stage('Build', 'Succeeded', [build()]), stage('Deploy', 'Succeeded', [deploy({ inputArtifacts: undefined })])] });
    expect(imageDetailArtifact(s)).toBeUndefined();
  });

  it('3. the ECR image tagged with the short SHA', () => {
    expect(candidateFromEcrTag(SHA, 'myapp')).toEqual({ foundIn: 'ecr-tag', foundDetail: 'ECR tag `9b8c7d6` in `myapp`', repository: 'myapp', tag: '9b8c7d6' });
    expect(candidateFromEcrTag(SHA, undefined)).toBeUndefined();
    expect(candidateFromEcrTag('main', 'myapp')).toBeUndefined();
  });
});

describe('toDeployedImage', () => {
  it('completes the candidate with DescribeImages', () => {
    const c = candidateFromEcrTag(SHA, 'myapp')!;
    expect(toDeployedImage(c)).toBeUndefined();
    expect(toDeployedImage(c, { uri: `${REPO_URI}:9b8c7d6`, digest: DIGEST, pushedAt: '2024-05-08T18:03:01.000Z', scanFindings: { HIGH: 1 } })).toEqual({
      uri: `${REPO_URI}:9b8c7d6`,
      tag: '9b8c7d6',
      digest: DIGEST,
      pushedAt: '2024-05-08T18:03:01.000Z',
      scanFindings: { HIGH: 1 },
      foundIn: 'ecr-tag',
      foundDetail: 'ECR tag `9b8c7d6` in `myapp`',
    });
  });
});

describe('repositories', () => {
  it('parses the ecr-repository input', () => {
    expect(parseRepository('myapp')).toEqual({ name: 'myapp' });
    expect(parseRepository(`${REPO_URI}/`)).toEqual({ name: 'myapp', uri: REPO_URI, registryId: '123456789012' });
    expect(parseRepository('My App')).toBeUndefined();
    expect(parseRepository(`${REPO_URI}:v1`)).toBeUndefined();
  });

  it('finds ECR repositories named in buildspec texts', () => {
    const found = ecrRepositoriesIn(['ECR_REPO: "123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp"', `docker push ${REPO_URI}:$IMAGE_TAG`, 'no repo here']);
    expect(found).toEqual([{ registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com', repository: 'myapp', account: '123456789012', region: 'us-east-1', isEcr: true }]);
  });
});
