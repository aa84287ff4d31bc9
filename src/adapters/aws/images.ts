import type { ECRClient, ImageDetail } from '@aws-sdk/client-ecr';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DeployedImage } from '../../core/pipeline/model.js';
import type { ImagePort, Logger } from '../../services/ports.js';
import { dnsSuffix } from './config.js';
import { errorName } from './errors.js';
import { findZipFile, ZipError } from './zip.js';

type EcrSdk = typeof import('@aws-sdk/client-ecr');
type S3Sdk = typeof import('@aws-sdk/client-s3');

/** ECR DescribeImages and the imageDetail.json inside a pipeline artifact. */
export class AwsImages implements ImagePort {
  constructor(
    private readonly ecr: { sdk: EcrSdk; client: ECRClient },
    private readonly s3: { sdk: S3Sdk; client: S3Client },
    private readonly region: string,
    private readonly logger?: Logger,
  ) {}

  async describe(o: { repository: string; registryId?: string; tag?: string; digest?: string }): Promise<Omit<DeployedImage, 'foundIn'> | undefined> {
    if (!o.tag && !o.digest) throw new Error('images.describe needs a tag or a digest');
    let detail: ImageDetail | undefined;
    try {
      const res = await this.ecr.client.send(
        new this.ecr.sdk.DescribeImagesCommand({
          repositoryName: o.repository,
          ...(o.registryId ? { registryId: o.registryId } : {}),
          imageIds: [o.digest ? { imageDigest: o.digest } : { imageTag: o.tag }],
        }),
      );
      detail = res.imageDetails?.[0];
    } catch (err) {
      const name = errorName(err);
      if (name === 'ImageNotFoundException') return undefined;
      if (name === 'RepositoryNotFoundException') {
        this.logger?.warning(`ECR repository ${o.repository} does not exist${o.registryId ? ` in registry ${o.registryId}` : ''} (${this.region})`);
        return undefined;
      }
      throw err;
    }
    if (!detail?.imageDigest) return undefined;
    const host = `${detail.registryId ?? o.registryId ?? ''}.dkr.ecr.${this.region}.${dnsSuffix(this.region)}`;
    const repo = `${host}/${detail.repositoryName ?? o.repository}`;
    const tag = o.tag ?? detail.imageTags?.[0];
    const image: Omit<DeployedImage, 'foundIn'> = { uri: o.tag ? `${repo}:${o.tag}` : `${repo}@${detail.imageDigest}`, digest: detail.imageDigest };
    if (tag) image.tag = tag;
    if (detail.imagePushedAt instanceof Date) image.pushedAt = detail.imagePushedAt.toISOString();
    const counts = detail.imageScanFindingsSummary?.findingSeverityCounts;
    if (counts) {
      image.scanFindings = Object.fromEntries(Object.entries(counts).filter((e): e is [string, number] => typeof e[1] === 'number'));
    }
    return image;
  }

  async imageDetailFromArtifact(o: { bucket: string; key: string }): Promise<string | undefined> {
    let bytes: Uint8Array;
    try {
      const res = await this.s3.client.send(new this.s3.sdk.GetObjectCommand({ Bucket: o.bucket, Key: o.key }));
      if (!res.Body) return undefined;
      bytes = await res.Body.transformToByteArray();
    } catch (err) {
      // A missing object is a build that wrote no artifact; a missing bucket or a denial is a setup problem to surface.
      if (errorName(err) === 'NoSuchKey') return undefined;
      throw err;
    }
    try {
      const found = findZipFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'imageDetail.json');
      return found?.data.toString('utf8');
    } catch (err) {
      if (!(err instanceof ZipError)) throw err;
      this.logger?.warning(`s3://${o.bucket}/${o.key} is not a readable zip artifact: ${err.message}`);
      return undefined;
    }
  }
}
