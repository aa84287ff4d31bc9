import { EXECUTABLE, scaffoldFiles, unifiedDiff, type ScaffoldOptions } from '../core/scaffold/index.js';

/** What scaffold needs from a file system; paths are relative to the target folder, with `/`. */
export interface ScaffoldFsPort {
  /** The file's text, or undefined when it does not exist. */
  read(path: string): string | undefined;
  /** Writes the file, creating its folders. */
  write(path: string, content: string, o: { executable: boolean }): void;
}

export type PlannedFile =
  | { path: string; action: 'create'; content: string; executable: boolean }
  | { path: string; action: 'identical' }
  /** The file exists with other content: left alone unless forced, with the diff to what scaffold would write. */
  | { path: string; action: 'differs' | 'overwrite'; content: string; executable: boolean; diff: string };

export interface ScaffoldPlan {
  files: PlannedFile[];
}

/** Decides what to do with each file; reads only. */
export function planScaffold(o: { options: ScaffoldOptions; fs: Pick<ScaffoldFsPort, 'read'>; force?: boolean }): ScaffoldPlan {
  const files: PlannedFile[] = [];
  for (const [path, content] of scaffoldFiles(o.options)) {
    const executable = EXECUTABLE.has(path);
    const existing = o.fs.read(path);
    if (existing === undefined) files.push({ path, action: 'create', content, executable });
    else if (existing === content) files.push({ path, action: 'identical' });
    else files.push({ path, action: o.force ? 'overwrite' : 'differs', content, executable, diff: unifiedDiff({ path, from: existing, to: content }) });
  }
  return { files };
}

/** Writes what the plan creates or overwrites; returns the paths written. */
export function applyScaffold(plan: ScaffoldPlan, fs: Pick<ScaffoldFsPort, 'write'>): string[] {
  const written: string[] = [];
  for (const f of plan.files) {
    if (f.action !== 'create' && f.action !== 'overwrite') continue;
    fs.write(f.path, f.content, { executable: f.executable });
    written.push(f.path);
  }
  return written;
}
