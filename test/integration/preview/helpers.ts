import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTree } from '../../../src/adapters/fs/read-tree.js';
import { createLiveDeploy, type LiveDeploy } from '../../../src/adapters/aws/live-deploy.js';
import type { AwsPortsOptions } from '../../../src/adapters/aws/config.js';
import type { SourceFile } from '../../../src/core/model.js';
import { previewScenario, startFakeAws, type FakeAws, type FakeAwsOptions, type PreviewScenarioOptions } from '../../fakes/aws/index.js';
import { AWS_VARS, useEnv } from '../aws/helpers.js';

export const FIXTURES = join(process.cwd(), 'test/fixtures/preview');
/** Every variable that could send the SDK elsewhere than the fake, the preview's two services included. */
export const PREVIEW_AWS_VARS = [...AWS_VARS, 'AWS_ENDPOINT_URL_CODEDEPLOY', 'AWS_ENDPOINT_URL_ECS'];

export function json(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** A fixture's repository as the action reads it (paths relative to its root). */
export function repoFiles(dir: string): { files: SourceFile[]; tree: string[] } {
  const read = readTree(['.'], dir);
  return { files: read.files, tree: read.tree };
}

export interface LiveHarness {
  fake: FakeAws;
  live: LiveDeploy;
  close(): Promise<void>;
}

/**
 * The fake AWS playing the live side of a repository's pipeline, and the real
 * adapter pointed at it through AWS_ENDPOINT_URL (credentials from the default chain).
 */
export async function liveHarness(scenario: PreviewScenarioOptions, o: Omit<FakeAwsOptions, 'scenario'> = {}, ports: Partial<AwsPortsOptions> = {}): Promise<LiveHarness> {
  const fake = await startFakeAws({ scenario: previewScenario(scenario), ...o });
  const env = useEnv();
  env.set(Object.fromEntries(PREVIEW_AWS_VARS.map((k) => [k, undefined])));
  env.set(fake.env());
  const live = createLiveDeploy({ region: fake.region, retryDelayScale: 0.01, maxAttempts: 2, ...ports });
  return {
    fake,
    live,
    async close() {
      live.destroy();
      env.restore();
      await fake.close();
    },
  };
}

/** The fixture case's repository and live task definition as a scenario. */
export function fixtureScenario(name: string, extra: Partial<PreviewScenarioOptions> = {}): PreviewScenarioOptions {
  return { pipeline: json(join(FIXTURES, name, 'repo/pipeline.json')), running: json(join(FIXTURES, name, 'live-taskdef.json')), ...extra };
}
