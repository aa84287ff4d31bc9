import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeGitHub } from './server.js';

export interface RunnerEnvOptions {
  /** The commit the workflow runs for (GITHUB_SHA). */
  sha: string;
  /** GITHUB_REF, default refs/heads/main. */
  ref?: string;
  /** GITHUB_EVENT_NAME, default push. */
  eventName?: string;
  /** The event payload; written to a temporary file for GITHUB_EVENT_PATH (default: a minimal push event). */
  event?: Record<string, unknown>;
  runId?: string;
  runAttempt?: string;
}

/**
 * The variables a GitHub-hosted runner sets that matter for talking to the
 * API, pointed at the fake: GITHUB_API_URL, GITHUB_TOKEN, GITHUB_REPOSITORY …
 * The token is also what the action's `github-token` input would carry; pass
 * it as INPUT_GITHUB-TOKEN (or whatever the input is named) yourself.
 * NO_PROXY keeps a proxy configured on the machine away from loopback.
 */
export function runnerEnv(fake: FakeGitHub, o: RunnerEnvOptions): Record<string, string> {
  const ref = o.ref ?? 'refs/heads/main';
  const eventName = o.eventName ?? 'push';
  const event = o.event ?? {
    ref,
    after: o.sha,
    repository: { name: fake.repo, full_name: `${fake.owner}/${fake.repo}`, owner: { login: fake.owner } },
    head_commit: { id: o.sha },
  };
  const eventPath = join(mkdtempSync(join(tmpdir(), 'ecs-codepipeline-event-')), 'event.json');
  writeFileSync(eventPath, JSON.stringify(event));
  return {
    ...fake.apiEnv,
    GITHUB_GRAPHQL_URL: `${fake.url}/graphql`,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_SHA: o.sha,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(?:heads|tags)\//, ''),
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_JOB: 'deploy',
    GITHUB_ACTION: 'ecs-codepipeline',
    GITHUB_ACTOR: 'octocat',
    GITHUB_RUN_ID: o.runId ?? '9876543210',
    GITHUB_RUN_NUMBER: '42',
    GITHUB_RUN_ATTEMPT: o.runAttempt ?? '1',
    RUNNER_OS: 'Linux',
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
  };
}
