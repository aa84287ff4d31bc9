import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = process.cwd();

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A minimal environment, as a runner or a shell gives it: none of the test runner's variables leak in. */
export function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir() };
  if (process.env.SYSTEMROOT) env.SYSTEMROOT = process.env.SYSTEMROOT;
  return { ...env, ...extra };
}

export function node(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, args, { cwd: options.cwd ?? ROOT, env: options.env ?? baseEnv(), encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ecs-codepipeline-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes the folders tempDir made (call from afterAll). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** 1-based line of the first line of a file that contains `needle`; fails when there is none. */
export function lineOf(file: string, needle: string): number {
  const i = readFileSync(file, 'utf8').split(/\r?\n/).findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${file} has no line with ${JSON.stringify(needle)}`);
  return i + 1;
}

function replaceOnce(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer contains ${JSON.stringify(from)}; update the e2e fixture`);
  writeFileSync(file, text.replace(from, to));
}

/**
 * A copy of examples/seed with the three errors of issue 2's "Done when": the
 * Fargate task at cpu 256 / memory 4096, an appspec ContainerName that is not
 * in the task definition, and an Image1ContainerName with no matching
 * `<…>` placeholder. Returns the workspace and the folder inside it.
 */
export function seedWithErrors(): { workspace: string; dir: string } {
  const workspace = tempDir('errors');
  const dir = join(workspace, 'app');
  cpSync(join(ROOT, 'examples/seed'), dir, { recursive: true });
  replaceOnce(join(dir, 'buildspec.yml'), '"memory": "512"', '"memory": "4096"');
  replaceOnce(join(dir, 'buildspec.yml'), 'ContainerName: "$CONTAINER_NAME"', 'ContainerName: "web"');
  replaceOnce(join(dir, 'pipeline.json'), '"Image1ContainerName": "IMAGE1_NAME"', '"Image1ContainerName": "APP_IMAGE"');
  return { workspace, dir };
}

/** The values a step wrote to $GITHUB_OUTPUT (`name<<delimiter … delimiter` or `name=value`). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      out[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      const eq = lines[i].indexOf('=');
      out[lines[i].slice(0, eq)] = lines[i].slice(eq + 1);
    }
  }
  return out;
}

export interface Command {
  command: string;
  props: Record<string, string>;
  message: string;
}

/** Workflow commands (`::error file=…::message`) on stdout, unescaped as the runner does. */
export function parseCommands(stdout: string): Command[] {
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const out: Command[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = kv.indexOf('=');
      props[kv.slice(0, eq)] = unescape(kv.slice(eq + 1));
    }
    out.push({ command: m[1], props, message: unescape(m[3]) });
  }
  return out;
}

/** A stack trace line, which a user must never see. */
export const STACK = /^\s+at .+\(?.+:\d+:\d+\)?$/m;
