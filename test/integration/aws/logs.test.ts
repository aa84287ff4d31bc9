import { scenarios } from '../../fakes/aws/index.js';
import { harness, type Harness } from './helpers.js';

const { COMMIT, PREVIOUS_COMMIT } = scenarios;

describe('BuildLogPort on the fake CodeBuild and CloudWatch Logs', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  test('tail: the last N lines of the failed build, the Docker daemon error among them', async () => {
    const c = scenarios.buildFailureDockerDaemon();
    h = await harness({ scenario: c.scenario });
    const lines = await h.ports.logs.tail({ buildId: scenarios.buildIdFor(COMMIT), lines: 30 });
    expect(lines).toHaveLength(30);
    expect(lines.at(-1)).toContain('Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: docker push');
    expect(lines).toContain('ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?');
    // Lines keep their order and lose only the trailing newline of each event.
    expect(lines.every((l) => !l.endsWith('\n'))).toBe(true);
    expect(h.fake.counts()).toEqual({ BatchGetBuilds: 1, GetLogEvents: 1 });
    const logCall = h.fake.calls.find((x) => x.operation === 'GetLogEvents')!;
    expect(logCall.body).toMatchObject({ logGroupName: '/aws/codebuild/myapp-build', startFromHead: false, limit: 30 });
  });

  test('details: failed phases become diagnostics, with the console link to the log', async () => {
    h = await harness({ scenario: scenarios.buildFailureDockerDaemon().scenario });
    const d = await h.ports.logs.details({ buildId: scenarios.buildIdFor(COMMIT), lines: 5 });
    expect(d.buildStatus).toBe('FAILED');
    expect(d.diagnostics).toEqual([
      'BUILD: Error while executing command: docker build -t $ECR_REPO:$IMAGE_TAG .. Reason: exit status 1 (COMMAND_EXECUTION_ERROR)',
      'POST_BUILD: Error while executing command: docker push $ECR_REPO:$IMAGE_TAG. Reason: exit status 1 (COMMAND_EXECUTION_ERROR)',
    ]);
    expect(d.logUrl).toContain('logsV2:log-groups/log-group/%2Faws%2Fcodebuild%2Fmyapp-build');
    expect(d.lines).toHaveLength(5);
  });

  test('a short log: pages back to the start of the stream and stops there', async () => {
    h = await harness({ scenario: scenarios.success().scenario });
    const all = await h.ports.logs.tail({ buildId: scenarios.buildIdFor(PREVIOUS_COMMIT), lines: 500 });
    expect(all[0]).toContain('Running on CodeBuild On-demand');
    expect(all.length).toBeLessThan(500);
    // One page with every event, one more that finds the start (the same backward token).
    expect(h.fake.counts().GetLogEvents).toBe(2);
  });

  test('no build, no CloudWatch logging, or no stream: no lines', async () => {
    const c = scenarios.success();
    c.scenario.builds!.push({ id: 'myapp-build:0b1c2d3e-0000-4000-8000-000000000001', status: 'FAILED', logs: null });
    c.scenario.builds!.push({ id: 'myapp-build:0b1c2d3e-0000-4000-8000-000000000002', status: 'FAILED' });
    h = await harness({ scenario: c.scenario });
    expect(await h.ports.logs.tail({ buildId: 'myapp-build:ffffffff-0000-4000-8000-000000000000', lines: 30 })).toEqual([]);
    expect(await h.ports.logs.tail({ buildId: 'myapp-build:0b1c2d3e-0000-4000-8000-000000000001', lines: 30 })).toEqual([]);
    expect(await h.ports.logs.tail({ buildId: 'myapp-build:0b1c2d3e-0000-4000-8000-000000000002', lines: 30 })).toEqual([]);
    expect(h.fake.calls.filter((x) => x.operation === 'GetLogEvents').map((x) => x.error)).toEqual(['ResourceNotFoundException']);
  });
});
