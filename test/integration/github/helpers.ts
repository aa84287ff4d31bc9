import { createGitHubPorts, type GitHubPortsOptions } from '../../../src/adapters/github/index.js';
import type { Logger } from '../../../src/services/ports.js';
import { FakeGitHub, type FakeGitHubOptions } from '../../fakes/github/index.js';

export const SHA = '0123456789abcdef0123456789abcdef01234567';
export const OTHER_SHA = 'fedcba9876543210fedcba9876543210fedcba98';

export interface MemoryLogger extends Logger {
  lines: string[];
}

export function memoryLogger(): MemoryLogger {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warning: (m) => lines.push(`warning ${m}`),
    debug: (m) => lines.push(`debug ${m}`),
  };
}

/** The adapter against the fake, with waits shortened: one "second" of backoff or retry-after is 1 ms, writes are not spaced. */
export async function portsFor(fake: FakeGitHub, o: Partial<GitHubPortsOptions> = {}) {
  const logger = memoryLogger();
  const ports = await createGitHubPorts({
    token: fake.token,
    owner: fake.owner,
    repo: fake.repo,
    baseUrl: fake.url,
    logger,
    waitUnitMs: 1,
    writeIntervalMs: 0,
    ...o,
  });
  return { ...ports, logger };
}

/** Starts a fake per test file; after each test, the fake must have refused nothing and answered only documented shapes. */
export function useFakeGitHub(o: FakeGitHubOptions = {}): () => FakeGitHub {
  let fake: FakeGitHub | undefined;
  beforeAll(async () => {
    fake = await FakeGitHub.start(o);
  });
  afterEach(() => {
    const f = fake!;
    const rejections = f.rejections();
    const responseErrors = f.responseErrors();
    f.reset();
    f.setChecksPermission(o.checks ?? 'write');
    expect(rejections).toEqual([]);
    expect(responseErrors).toEqual([]);
  });
  afterAll(async () => {
    await fake?.stop();
  });
  return () => fake!;
}
