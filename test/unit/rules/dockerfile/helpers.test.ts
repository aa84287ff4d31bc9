import { eolVerdict, RUNTIMES } from '../../../../src/core/rules/dockerfile/eol.js';
import { parseImageRef, substitute } from '../../../../src/core/rules/dockerfile/images.js';
import { globMatches } from '../../../../src/core/rules/dockerfile/paths.js';
import { program, shellCommands } from '../../../../src/core/rules/dockerfile/text.js';
import { probesIn, shippedTools } from '../../../../src/core/rules/dockerfile/tools.js';

describe('image references', () => {
  it.each([
    ['node:18-alpine', { registry: undefined, path: 'node', tag: '18-alpine', dockerHub: true, official: 'node' }],
    ['node', { tag: undefined, dockerHub: true, official: 'node' }],
    ['docker.io/library/python:3.12-slim', { registry: 'docker.io', dockerHub: true, official: 'python' }],
    ['bitnami/redis:7.4', { dockerHub: true, official: undefined, path: 'bitnami/redis' }],
    ['public.ecr.aws/docker/library/node:22-alpine', { registry: 'public.ecr.aws', dockerHub: false, official: 'node', tag: '22-alpine' }],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/docker-hub/library/node:22', { dockerHub: false, official: 'node' }],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:1a2b3c4', { dockerHub: false, official: undefined }],
    ['localhost:5000/myapp', { registry: 'localhost:5000', dockerHub: false, tag: undefined }],
    ['node@sha256:0123abcd', { digest: 'sha256:0123abcd', tag: undefined, official: 'node' }],
    ['gcr.io/distroless/nodejs22-debian12:nonroot', { registry: 'gcr.io', path: 'distroless/nodejs22-debian12', tag: 'nonroot' }],
  ])('%s', (text, expected) => {
    expect(parseImageRef(text)).toMatchObject(expected);
  });

  it('refuses references with variables or spaces', () => {
    expect(parseImageRef('node:${VERSION}')).toBeUndefined();
    expect(parseImageRef('')).toBeUndefined();
  });

  it('substitutes ARG defaults and gives up on unknown ones', () => {
    const args = new Map<string, string | undefined>([['V', '18'], ['EMPTY', undefined]]);
    expect(substitute('node:${V}-alpine', args)).toBe('node:18-alpine');
    expect(substitute('node:$V', args)).toBe('node:18');
    expect(substitute('node:${EMPTY:-20}', args)).toBe('node:20');
    expect(substitute('node:${EMPTY}', args)).toBeUndefined();
    expect(substitute('node:${NOPE}', args)).toBeUndefined();
  });
});

describe('end of life', () => {
  const node = RUNTIMES.node;
  it('reports a line only after its last day', () => {
    expect(eolVerdict(node, '22', '2027-04-30')).toBeUndefined();
    expect(eolVerdict(node, '22', '2027-05-01')).toMatchObject({ line: '22', eol: '2027-04-30' });
  });
  it('suggests the newest LTS line available that day', () => {
    expect(eolVerdict(node, '18', '2025-06-01')?.suggest?.version).toBe('22');
    expect(eolVerdict(node, '18', '2026-11-27')?.suggest?.version).toBe('26');
  });
  it('knows old lines without listing them, and never judges lines it does not know', () => {
    expect(eolVerdict(node, '0', '2026-11-27')).toMatchObject({ eol: undefined });
    expect(eolVerdict(node, '30', '2026-11-27')).toBeUndefined();
    expect(eolVerdict(RUNTIMES.golang, '1.26', '2030-01-01')).toBeUndefined();
  });
  it.each([
    ['node', '18-alpine3.19', '18'],
    ['node', '18.20.4-bookworm-slim', '18'],
    ['node', 'hydrogen-alpine', '18'],
    ['node', 'lts-alpine', undefined],
    ['node', 'alpine', undefined],
    ['python', '3.9-slim-bullseye', '3.9'],
    ['python', '3.10.14', '3.10'],
    ['python', '2-slim', '2.7'],
    ['python', '3', undefined],
    ['golang', '1.21-alpine', '1.21'],
    ['golang', '1', undefined],
  ])('%s:%s is line %s', (runtime, tag, line) => {
    expect(RUNTIMES[runtime].lineOf(tag)).toBe(line);
  });
});

describe('curl and wget in official images', () => {
  const tools = (ref: string) => shippedTools(parseImageRef(ref), false);
  it.each([
    ['node:18-alpine', { curl: false, wget: true }],
    ['node:22-bookworm-slim', { curl: false, wget: false }],
    ['node:22', { curl: true, wget: true }],
    ['public.ecr.aws/docker/library/python:3.12-slim', { curl: false, wget: false }],
    ['python:3.12-alpine', { curl: false, wget: true }],
    ['golang:1.26', { curl: true, wget: true }],
    ['alpine:3.20', { curl: false, wget: true }],
    ['debian:bookworm', { curl: false, wget: false }],
    ['gcr.io/distroless/nodejs22-debian12', { curl: false, wget: false }],
    ['gcr.io/distroless/base-debian12:debug', { curl: false, wget: true }],
  ])('%s', (ref, expected) => {
    expect(tools(ref)).toEqual(expected);
  });
  it('does not judge other images', () => {
    expect(tools('nginx:1.27-alpine')).toBeUndefined();
    expect(tools('node:22-windowsservercore-ltsc2022')).toBeUndefined();
    expect(tools('myorg/node:22-alpine')).toBeUndefined();
  });
});

describe('shell words', () => {
  it('splits commands and strips quotes', () => {
    const cmds = shellCommands(`cd app && FOO=1 npm ci --omit=dev; echo "a && b" | tee x`).map((c) => program(c).map((w) => w.text));
    expect(cmds).toEqual([['cd', 'app'], ['npm', 'ci', '--omit=dev'], ['echo', 'a && b'], ['tee', 'x']]);
  });
  it('reads the exec form', () => {
    expect(shellCommands('["npm", "ci", "--production"]').map((c) => c.map((w) => w.text))).toEqual([['npm', 'ci', '--production']]);
  });
  it('finds probes used as programs, not in URLs', () => {
    expect(probesIn('curl -f http://localhost/ || exit 1').map((p) => p.probe)).toEqual(['curl']);
    expect(probesIn("/bin/sh -c 'wget -q --spider http://x/curl'").map((p) => p.probe)).toEqual(['wget']);
    expect(probesIn('/usr/bin/curl -fs http://x')).toEqual([{ probe: 'curl', index: 9 }]);
    expect(probesIn('node healthcheck.js')).toEqual([]);
  });
  it('matches COPY globs', () => {
    expect(globMatches('package*.json', 'package-lock.json')).toBe(true);
    expect(globMatches('package*.json', 'npm-shrinkwrap.json')).toBe(false);
    expect(globMatches('*.json', 'npm-shrinkwrap.json')).toBe(true);
    expect(globMatches('package?.json', 'package-lock.json')).toBe(false);
  });
});
