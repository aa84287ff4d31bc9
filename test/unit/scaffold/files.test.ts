import { parse } from 'yaml';
import { scaffoldFiles, validateOptions, type ScaffoldOptions } from '../../../src/core/scaffold/index.js';

const O: ScaffoldOptions = {
  name: 'myapp', port: 8080, region: 'us-east-1', account: '123456789012', repo: 'my-org/myapp', branch: 'main',
  cpu: 256, memory: 512, runtime: 'node', staging: true, approval: true, embed: false, healthPath: '/health',
};
const files = scaffoldFiles(O);
const json = (p: string) => JSON.parse(files.get(p)!);

describe('scaffolded files', () => {
  test('the same options give the same files', () => {
    expect([...scaffoldFiles({ ...O })]).toEqual([...files]);
  });

  test('buildspec: exported IMAGE_URI and IMAGE_TAG, artifacts exactly the three files', () => {
    const b = parse(files.get('buildspec.yml')!);
    expect(b.env['exported-variables']).toEqual(['IMAGE_URI', 'IMAGE_TAG']);
    expect(b.artifacts).toEqual({ files: ['imageDetail.json', 'taskdef.json', 'appspec.yaml'] });
    expect(b.phases.post_build.commands[0]).toBe('[ "$CODEBUILD_BUILD_SUCCEEDING" = 1 ] || exit 1');
  });

  test('pipeline: V2, staging and approval before Deploy, AppSpecTemplatePath matching the appspec', () => {
    const p = json('pipeline.json').pipeline;
    expect(p.pipelineType).toBe('V2');
    expect(p.stages.map((s: { name: string }) => s.name)).toEqual(['Source', 'Build', 'Deploy-Staging', 'Approval', 'Deploy']);
    expect(p.stages[4].actions[0].configuration.AppSpecTemplatePath).toBe('appspec.yaml');
    expect(files.has('appspec.yaml')).toBe(true);
  });

  test('CodeBuild project is privileged', () => {
    expect(json('aws/codebuild-project.json').environment.privilegedMode).toBe(true);
  });

  test('the GitHub OIDC role: exactly the APIs the action uses, one statement per group, scoped', () => {
    const statements = json('aws/iam/github-actions-policy.json').Statement as { Action: string | string[]; Resource: string | string[] }[];
    const actions = statements.flatMap((s) => [s.Action].flat()).sort();
    expect(actions).toEqual(
      ['codebuild:BatchGetBuilds', 'codepipeline:GetPipeline', 'codepipeline:GetPipelineExecution', 'codepipeline:GetPipelineState', 'codepipeline:ListActionExecutions', 'codepipeline:ListPipelineExecutions', 'codepipeline:StartPipelineExecution', 'codepipeline:StopPipelineExecution', 'ecr:DescribeImages', 'logs:GetLogEvents', 's3:GetObject'].sort(),
    );
    for (const s of statements) expect([s.Resource].flat()).not.toContain('*');
    const trust = json('aws/iam/github-actions-trust.json').Statement[0];
    expect(trust.Condition.StringLike['token.actions.githubusercontent.com:sub']).toBe('repo:my-org/myapp:*');
  });

  test('workflow: check on pull requests, track on push, the permissions the action needs', () => {
    const w = parse(files.get('.github/workflows/ecs-codepipeline.yml')!);
    expect(w.permissions).toEqual({ checks: 'write', statuses: 'write', contents: 'read', 'id-token': 'write' });
    expect(w.on.push.branches).toEqual(['main']);
    expect(w.jobs.check.steps[1].with.mode).toBe('check');
    const creds = w.jobs.track.steps.find((s: { uses: string }) => s.uses.startsWith('aws-actions/configure-aws-credentials'));
    expect(creds.with['role-to-assume']).toBe('arn:aws:iam::123456789012:role/myapp-github-actions');
  });

  test('setup.sh runs strict and names every file it uses', () => {
    const sh = files.get('aws/setup.sh')!;
    expect(sh).toMatch(/^#!\/usr\/bin\/env bash\n/);
    expect(sh).toContain('set -euo pipefail');
    for (const path of files.keys()) if (path.startsWith('aws/') && path !== 'aws/setup.sh') expect(sh).toContain(path);
    expect(sh).toContain('file://pipeline.json');
  });

  test('validation says what to give instead', () => {
    expect(validateOptions(O)).toEqual([]);
    expect(validateOptions({ ...O, cpu: 512, memory: 512 })).toEqual(['Fargate does not accept cpu 512 with memory 512; with --cpu 512 use --memory 1024, 2048, 3072 or 4096']);
    expect(validateOptions({ ...O, repo: 'myapp' })[0]).toContain('"owner/repo"');
  });
});
