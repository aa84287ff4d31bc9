import { onFailureProblem } from '../../../../src/core/rules/buildspec/bs04-enumerations.js';
import { secretReferenceProblem } from '../../../../src/core/rules/buildspec/bs05-env.js';
import { knownImage } from '../../../../src/core/rules/buildspec/runtimes.js';
import { codeView, definitions, lex, varUses } from '../../../../src/core/rules/buildspec/shell.js';

const uses = (text: string) => varUses(lex(text)).filter((u) => !u.guarded && !u.tested).map((u) => u.name);
const defs = (text: string) => [...definitions(lex(text)).names].sort();

describe('reading a command', () => {
  it('expands variables in code, double quotes and unquoted heredocs only', () => {
    expect(uses(`echo $A "$B" '$C' \\$D`)).toEqual(['A', 'B']);
    expect(uses(`awk '{print $1, $NF}' f; echo "\${E}x"`)).toEqual(['E']);
    expect(uses('cat > a.json << EOF\n{"x": "$F"}\nEOF\necho $G')).toEqual(['F', 'G']);
    expect(uses("cat > a.json << 'EOF'\n{\"x\": \"$F\"}\nEOF\necho $G")).toEqual(['G']);
    expect(uses('echo "$(cat $H)" # $I')).toEqual(['H']);
  });

  it('knows defaults, tests and special parameters', () => {
    expect(uses('echo ${A:-x} ${B-y} ${C:+z} ${!D} $1 $? $$ $@')).toEqual([]);
    expect(uses('[ -z "$A" ] && [ -n "$B" ] || echo ${#C}')).toEqual(['C']);
  });

  it('finds assignments, read, for and declare', () => {
    expect(defs('IMAGE_TAG=$(git rev-parse HEAD) && export URI=x; declare -r ZONE')).toEqual(['IMAGE_TAG', 'URI', 'ZONE']);
    expect(defs('read -r -p "Name?" NAME OTHER < f')).toEqual(['NAME', 'OTHER']);
    expect(defs('for S in a b; do echo $S; done; printf -v OUT "%s" x')).toEqual(['OUT', 'S']);
    expect(defs('docker build --build-arg=X=1 --tag a .')).not.toContain('build');
    expect(definitions(lex('source ./env.sh')).opaque).toBe(true);
    expect(definitions(lex('export $(grep -v "^#" .env | xargs)')).opaque).toBe(true);
    expect(definitions(lex('echo "source of truth"')).opaque).toBe(false);
  });

  it('blanks quoted text but keeps command substitutions inside quotes', () => {
    expect(codeView(lex('echo "docker push $(aws ecr get-login)"'))).toBe('echo              $(aws ecr get-login) ');
  });
});

describe('on-failure values', () => {
  it.each(['ABORT', 'CONTINUE', 'RETRY', 'RETRY-3', 'RETRY-0', 'RETRY-100', 'RETRY-.*timed out.*', 'RETRY-2-.*timeout.*', 'Retry-.*Error.*'])('accepts %s', (v) => {
    expect(onFailureProblem(v)).toBeUndefined();
  });
  it.each(['STOP', 'abort', 'RETRY-', 'RETRY-101', 'RETRY-250-x'])('rejects %s', (v) => {
    expect(onFailureProblem(v)).toBeDefined();
  });
});

describe('Secrets Manager references', () => {
  it.each(['myapp/db', 'myapp/db:password', 'myapp/db:password:AWSCURRENT', 'myapp/db:password::0a1b2c3d', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:myapp/db-AbCdEf:password'])('accepts %s', (v) => {
    expect(secretReferenceProblem(v)).toBeUndefined();
  });
  it.each(['', ':password', 'myapp/db:password:AWSCURRENT:0a1b2c3d', 'a:b:c:d:e'])('rejects "%s"', (v) => {
    expect(secretReferenceProblem(v)).toBeDefined();
  });
});

describe('CodeBuild images', () => {
  it('reads aliases and pinned versions', () => {
    expect(knownImage('aws/codebuild/amazonlinux2-x86_64-standard:5.0')?.key).toBe('amazonlinux-x86_64-standard:5.0');
    expect(knownImage('aws/codebuild/standard:7.0-24.10.29')?.key).toBe('standard:7.0');
    expect(knownImage('aws/codebuild/amazonlinux-aarch64-standard:3.0')?.runtimes.runtimes.nodejs).toContain('22');
    expect(knownImage('public.ecr.aws/docker/library/node:20')).toBeUndefined();
    expect(knownImage('aws/codebuild/windows-base:2019-3.0')).toBeUndefined();
  });
});
