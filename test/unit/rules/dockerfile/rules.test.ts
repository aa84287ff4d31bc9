import { analyze } from '../../../../src/core/analyze.js';
import { dockerfileRules } from '../../../../src/core/rules/dockerfile/index.js';
import type { Finding } from '../../../../src/core/types.js';

/** Runs the Dockerfile rules over in-memory files; `extra` are paths that exist but are not read. */
function check(files: Record<string, string>, extra: string[] = [], now = new Date('2026-11-27')): Finding[] {
  const list = Object.entries(files).map(([path, text]) => ({ path, text }));
  return analyze({ files: list, tree: [...Object.keys(files), ...extra], rules: dockerfileRules, now });
}
const only = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line}:${f.column} ${f.severity}`);

describe('DF-03 npm ci and the lockfile', () => {
  const pkg = ['package.json', 'package-lock.json'];
  it('follows WORKDIR: a lockfile copied to another folder does not count', () => {
    const df = 'FROM node:22-alpine\nWORKDIR /build\nCOPY package*.json ./\nWORKDIR /app\nRUN npm ci\n';
    expect(only(check({ Dockerfile: df }, pkg), 'DF-03')).toEqual(['Dockerfile:5:9 error']);
  });
  it('follows npm ci --prefix into the copied folder', () => {
    const df = 'FROM node:22-alpine\nWORKDIR /src\nCOPY . .\nRUN npm ci --prefix web && npm run build --prefix web\n';
    expect(only(check({ Dockerfile: df }, ['web/package.json', 'web/package-lock.json']), 'DF-03')).toEqual([]);
    expect(only(check({ Dockerfile: df }, ['web/package.json']), 'DF-03')).toEqual(['Dockerfile:4:9 error']);
  });
  it('takes the build context from a folder above the Dockerfile', () => {
    const df = 'FROM node:22-alpine\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n';
    expect(only(check({ 'docker/Dockerfile': df }, pkg), 'DF-03')).toEqual([]);
  });
  it('says nothing when the tree does not show the folder (a file checked alone)', () => {
    const df = 'FROM node:22-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\n';
    expect(only(check({ Dockerfile: df }), 'DF-03')).toEqual([]);
  });
  it('accepts a lockfile written by an earlier npm install, or one from another stage', () => {
    expect(only(check({ Dockerfile: 'FROM node:22-alpine\nCOPY package.json ./\nRUN npm install --package-lock-only && npm ci\n' }, ['package.json']), 'DF-03')).toEqual([]);
    expect(only(check({ Dockerfile: 'FROM node:22-alpine AS deps\nCOPY package*.json ./\n\nFROM node:22-alpine\nCOPY --from=deps /package-lock.json /package.json ./\nRUN npm ci\n' }, pkg), 'DF-03')).toEqual([]);
  });
  it('reports each stage that runs npm ci without a lockfile, once', () => {
    const df = 'FROM node:22-alpine AS base\nCOPY package.json ./\nRUN npm ci\n\nFROM base\nRUN npm ci --omit=dev\n';
    expect(only(check({ Dockerfile: df }, pkg), 'DF-03')).toEqual(['Dockerfile:3:9 error', 'Dockerfile:6:9 error']);
  });
});

describe('DF-02 across files', () => {
  const taskdef = (cmd: string) => JSON.stringify({ family: 'myapp', containerDefinitions: [{ name: 'myapp', image: '<IMAGE1_NAME>', healthCheck: { command: ['CMD-SHELL', cmd] } }] }, null, 2);
  it('is an error on the taskdef line when only the task definition calls the missing tool', () => {
    const found = check({ Dockerfile: 'FROM node:22-alpine\nCMD ["node", "server.js"]\n', 'taskdef.json': taskdef('curl -f http://localhost:8080/ || exit 1') });
    expect(only(found, 'DF-02')).toEqual(['taskdef.json:10:11 error']);
  });
  it('does not tie a task definition to one of several Dockerfiles', () => {
    const found = check({ 'Dockerfile.api': 'FROM node:22-alpine\n', 'Dockerfile.worker': 'FROM python:3.12-slim\n', 'taskdef.json': taskdef('curl -f http://localhost:8080/') });
    expect(only(found, 'DF-02')).toEqual([]);
  });
  it('counts a tool installed in a heredoc RUN', () => {
    const df = '# syntax=docker/dockerfile:1\nFROM node:22-alpine\nRUN <<EOF\nset -e\napk add --no-cache curl\nEOF\nHEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1\n';
    expect(only(check({ Dockerfile: df }), 'DF-02')).toEqual([]);
  });
  it('counts a tool copied from another image', () => {
    const df = 'FROM gcr.io/distroless/nodejs22-debian12\nCOPY --from=busybox:1.37-musl /bin/wget /usr/bin/wget\nHEALTHCHECK CMD ["/usr/bin/wget", "-q", "--spider", "http://localhost:8080/"]\n';
    expect(only(check({ Dockerfile: df }), 'DF-02')).toEqual([]);
  });
});

describe('DF-05 and the date', () => {
  it('compares with the day handed in', () => {
    const files = { Dockerfile: 'FROM node:22-alpine\n' };
    expect(only(check(files, [], new Date('2027-04-30T12:00:00Z')), 'DF-05')).toEqual([]);
    expect(only(check(files, [], new Date('2027-05-01T12:00:00Z')), 'DF-05')).toEqual(['Dockerfile:1:6 warning']);
  });
});

describe('DF-06 logins', () => {
  const df = { Dockerfile: 'FROM node:22-alpine\n' };
  const bs = (cmd: string) => ({ ...df, 'buildspec.yml': `version: 0.2\nphases:\n  build:\n    commands:\n      - ${cmd}\n      - docker build -t myapp .\n` });
  it.each([
    ['docker login -u "$USER" -p "$PASS"', 0],
    ['echo "$TOKEN" | docker login --username myorg --password-stdin docker.io', 0],
    ['docker login --username myorg --password-stdin https://index.docker.io/v1/ < token.txt', 0],
    ['aws ecr get-login-password | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com', 1],
    ['docker login -u AWS -p "$(aws ecr get-login-password)" public.ecr.aws', 1],
  ])('%s', (cmd, count) => {
    expect(only(check(bs(cmd)), 'DF-06')).toHaveLength(count);
  });
});

describe('positions', () => {
  it('underline the word inside a continued RUN, with CRLF and comment lines', () => {
    const df = 'FROM node:22-alpine\r\nRUN apk add --no-cache python3 \\\r\n# build tools for native modules\r\n    && npm ci --production \\\r\n    && apk del python3\r\n';
    const f = check({ Dockerfile: df }, ['package.json', 'package-lock.json']).find((x) => x.rule === 'DF-04')!;
    expect([f.line, f.column, f.endLine, f.endColumn]).toEqual([4, 15, 4, 27]);
  });
  it('honour the escape directive', () => {
    const df = '# escape=`\nFROM node:22-alpine\nRUN npm install `\n    --only=prod\n';
    const f = check({ Dockerfile: df }).find((x) => x.rule === 'DF-04')!;
    expect([f.line, f.column]).toEqual([4, 5]);
  });
});

describe('odd input never throws', () => {
  const odd = [
    '',
    '# only a comment\n',
    'RUN echo before any FROM\n',
    'FROM\n',
    'FROM --platform=$BUILDPLATFORM\n',
    'ARG\nFROM ${\nHEALTHCHECK\nHEALTHCHECK CMD\nUSER\nEXPOSE\nCOPY\nCOPY --from=\nRUN npm\nRUN npm ci\nWORKDIR\n',
    'FROM a AS a\nFROM a\nFROM b AS b\nFROM b\n',
    'FROM constructor:1\nFROM __proto__:2\nFROM toString\n',
    'FROM node:18\\\n',
    'FROM node:18\nRUN ["npm", "ci"\nHEALTHCHECK CMD ["curl"\nEXPOSE :::\nUSER 0:0\n',
    'FROM node:18 AS\nCOPY ["a", 1] .\nRUN <<EOF\nnpm ci --production\nEOF\n',
    `FROM node:18\n${'RUN echo x \\\n'.repeat(2000)}\n`,
  ];
  it.each(odd.map((t, i) => [i, t]))('case %i', (_, text) => {
    const found = check({ Dockerfile: text as string, 'taskdef.json': '{"containerDefinitions": [{"healthCheck": {"command": [1, null, "curl"]}}, 3, null]}', 'buildspec.yml': 'phases: 7\n' });
    expect(found.filter((f) => /internal error/.test(f.message))).toEqual([]);
  });
});
