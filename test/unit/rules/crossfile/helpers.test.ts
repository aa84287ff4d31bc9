import { analyze } from '../../../../src/core/analyze.js';
import { commandsOf } from '../../../../src/core/config/buildspec.js';
import { loadFile } from '../../../../src/core/config/load.js';
import { artifactPath, couldHold, globRe, primarySpec } from '../../../../src/core/rules/crossfile/artifacts.js';
import { crossfileRules } from '../../../../src/core/rules/crossfile/index.js';
import { display, litOf, parseShell, ShellEnv } from '../../../../src/core/rules/crossfile/shell.js';
import { workspaceOf } from '../../../../src/core/rules/crossfile/workspace.js';

const buildspec = (body: string) => {
  const docs = loadFile({ path: 'buildspec.yml', text: body });
  return { doc: docs[0], docs };
};

describe('shell reader', () => {
  it('splits commands and keeps quoting apart', () => {
    const [cmd] = parseShell(`printf '{"ImageURI":"%s"}' "$REPO:$TAG" > imageDetail.json`);
    expect(cmd.words.map((w) => litOf(w) ?? '<expanded>')).toEqual(['printf', '{"ImageURI":"%s"}', '<expanded>']);
    expect(cmd.redirects.map((r) => [r.op, litOf(r.target)])).toEqual([['>', 'imageDetail.json']]);
    expect(parseShell('a && b || c; d | e').map((c) => litOf(c.words[0]))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(parseShell('echo x 2>&1 >> out.txt')[0].redirects.map((r) => litOf(r.target))).toEqual(['out.txt']);
  });

  it('expands known variables and keeps unknown ones as symbols that equal themselves', () => {
    const env = new ShellEnv(new Map([['REPO', '123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp']]));
    for (const c of parseShell('TAG=$(git rev-parse --short HEAD)\nexport URI=$REPO:$TAG')) env.apply(c);
    const [push] = parseShell('docker push "$URI"');
    const [again] = parseShell('echo $REPO:$TAG');
    expect(env.text(push.words[2])).toBe(env.text(again.words[1]));
    expect(display(env.text(push.words[2]))).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:$TAG');
    // Inside single quotes nothing is expanded.
    expect(display(env.text(parseShell(`echo '$REPO'`)[0].words[1]))).toBe('$REPO');
  });

  it('marks commands inside loops and never hangs on odd input', () => {
    const cmds = parseShell('for t in a b; do docker push $R:$t; done\ndocker push $R:x');
    expect(cmds.filter((c) => litOf(c.words[0]) === 'docker').map((c) => c.loop)).toEqual([true, false]);
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = ` \t\n\u00a0\u000b;&|()<>'"\`$\\{}#=abc01-*`;
    for (let i = 0; i < 3000; i++) {
      const s = Array.from({ length: Math.floor(rand() * 40) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      expect(() => parseShell(s)).not.toThrow();
    }
  });
});

describe('workspace of a buildspec', () => {
  it('follows cd and $CODEBUILD_SRC_DIR to place written files', () => {
    const { doc, docs } = buildspec(
      [
        'version: 0.2',
        'phases:',
        '  build:',
        '    commands:',
        '      - cd app',
        '      - printf x > out.txt',
        '      - cd $CODEBUILD_SRC_DIR',
        `      - printf '{"ImageURI":"%s"}' "$R" > $CODEBUILD_SRC_DIR/imageDetail.json`,
        '      - cp deploy/appspec.yaml .',
        '      - cd $SOMEWHERE',
        '      - printf x > lost.txt',
      ].join('\n'),
    );
    const ws = workspaceOf(doc, docs);
    expect(ws.writes.map((w) => [w.path, w.name])).toEqual([
      ['app/out.txt', 'out.txt'],
      ['imageDetail.json', 'imageDetail.json'],
      ['appspec.yaml', 'appspec.yaml'],
      [undefined, 'lost.txt'],
    ]);
    expect(ws.writes[1].content?.text).toMatch(/^\{"ImageURI":"/);
  });

  it('links heredoc-generated files to the command that writes them', () => {
    const { doc, docs } = buildspec(['version: 0.2', 'phases:', '  build:', '    commands:', '      - |', '        cat > taskdef.json << EOF', '        { "family": "myapp", "containerDefinitions": [] }', '        EOF'].join('\n'));
    const ws = workspaceOf(doc, docs);
    expect(commandsOf(doc.root)).toHaveLength(1);
    expect(ws.writes.map((w) => [w.path, w.docs.map((d) => d.kind)])).toEqual([['taskdef.json', ['taskdef']]]);
  });
});

describe('artifact patterns', () => {
  it('match paths as CodeBuild globs do', () => {
    expect(globRe('**/*')!.test('a/b/c.json')).toBe(true);
    expect(globRe('deploy/*')!.test('deploy/taskdef.json')).toBe(true);
    expect(globRe('deploy/*')!.test('deploy/x/taskdef.json')).toBe(false);
    expect(globRe('image*.json')!.test('imageDetail.json')).toBe(true);
    expect(globRe('{taskdef,appspec}.*')!.test('appspec.yaml')).toBe(true);
    expect(globRe('./build')!.test('build/libs/app.jar')).toBe(true);
    expect(globRe('$DIR/*')).toBeUndefined();
  });

  it('apply base-directory and discard-paths', () => {
    const { doc } = buildspec('version: 0.2\nartifacts:\n  files:\n    - "**/*"\n  base-directory: deploy\n  discard-paths: yes\n');
    const spec = primarySpec(doc.root)!;
    expect(artifactPath(spec, 'deploy/ecs/taskdef.json')).toBe('taskdef.json');
    expect(artifactPath(spec, 'taskdef.json')).toBeUndefined();
    expect(couldHold(spec, 'taskdef.json')).toBe(true);
    expect(couldHold(spec, 'ecs/taskdef.json')).toBe(false);
  });
});

describe('cross-file rules on odd input', () => {
  const odd: Record<string, string> = {
    'pipeline.json': '{"pipeline": {"stages": [{"name": 1, "actions": [{"actionTypeId": {"provider": "CodeDeployToECS", "category": "Deploy"}, "configuration": {"TaskDefinitionTemplateArtifact": 5, "AppSpecTemplateArtifact": null, "Image1ArtifactName": [], "Image1ContainerName": {"a": 1}, "Image2ContainerName": "X"}, "inputArtifacts": "nope"}, {"actionTypeId": {"provider": "CodeBuild"}, "outputArtifacts": [{"name": "A"}, {"name": null}, 3], "namespace": 7, "configuration": {"x": "#{Nope.V} #{variables.x}"}}]}]}}',
    'buildspec.yml': 'version: 0.2\nenv:\n  exported-variables: "x"\nphases:\n  build:\n    commands:\n      - cd (\n      - printf "%s" > \n      - docker push\n      - docker build --platform\n      - cat > taskdef.json << EOF\nartifacts:\n  files: 5\n  base-directory: [1]\n  secondary-artifacts: [1, 2]\n',
    'taskdef.json': '{"containerDefinitions": {"name": "x"}, "runtimePlatform": "ARM64", "requiresCompatibilities": "FARGATE", "ephemeralStorage": 1}',
    'appspec.yaml': 'version: 0.0\nResources:\n  - TargetService: 5\n  - TargetService:\n      Properties:\n        LoadBalancerInfo: [1]\n        PlatformVersion: 1.3\n',
    'Dockerfile': 'FROM --platform=$X scratch\nEXPOSE\nHEALTHCHECK\n',
    'imageDetail.json': '[]',
  };

  it('never throw, whatever the shapes', () => {
    const found = analyze({ files: Object.entries(odd).map(([path, text]) => ({ path, text })), rules: crossfileRules });
    expect(found.filter((f) => /internal error/.test(f.message))).toEqual([]);
  });

  it('never throw on each file alone or on non-object roots', () => {
    for (const [path, text] of [...Object.entries(odd), ['pipeline.json', '{"pipeline": {"stages": "x"}}'], ['taskdef.json', '[1]'], ['buildspec.yml', '- a\n- b\n'], ['appspec.yaml', 'just text\n']]) {
      const found = analyze({ files: [{ path, text }], rules: crossfileRules });
      expect(found.filter((f) => /internal error/.test(f.message))).toEqual([]);
    }
  });
});
