import { createHash } from 'node:crypto';
import { EXECUTABLE, scaffoldFiles, type ScaffoldOptions } from '../../core/scaffold/index.js';

export interface OnboardingFile {
  path: string;
  content: string;
  /** Git file modes: aws/setup.sh is executable, as scaffold writes it on disk. */
  mode: '100644' | '100755';
}

export interface OnboardingFiles {
  /** What the pull request adds: the scaffold's files that the repository does not have. */
  add: OnboardingFile[];
  /** The scaffold's files that exist already and are left as they are. */
  kept: string[];
}

/** The files `ecs-codepipeline scaffold` would create in this repository (it never changes an existing file either). */
export function onboardingFiles(options: ScaffoldOptions, exists: (path: string) => boolean): OnboardingFiles {
  const add: OnboardingFile[] = [];
  const kept: string[] = [];
  for (const [path, content] of scaffoldFiles(options)) {
    if (exists(path)) kept.push(path);
    else add.push({ path, content, mode: EXECUTABLE.has(path) ? '100755' : '100644' });
  }
  return { add, kept };
}

/** Names one set of files; the onboarding commit carries it, so an unchanged set is not written again. */
export function fingerprint(files: readonly OnboardingFile[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) h.update(`${f.mode} ${f.path}\0${f.content}\0`);
  return h.digest('hex').slice(0, 20);
}
