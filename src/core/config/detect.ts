import type { FileKind } from '../types.js';

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Kinds known from the file name alone. */
export function kindByName(path: string): FileKind | undefined {
  const name = basename(path);
  if (/^(Dockerfile|Containerfile)([.-].*)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name)) return 'dockerfile';
  if (/^buildspec.*\.ya?ml$/i.test(name)) return 'buildspec';
  if (/^appspec.*\.(ya?ml|json)$/i.test(name)) return 'appspec';
  if (/^imagedetail\.json$/i.test(name)) return 'imagedetail';
  if (/^imagedefinitions\.json$/i.test(name)) return 'imagedefinitions';
  if (/^(taskdef|task[-_]?def(inition)?)([-_.].*)?\.json$/i.test(name)) return 'taskdef';
  return undefined;
}

/** Whether a file is worth reading to detect its kind by content. */
export function mayHoldConfig(path: string): boolean {
  return kindByName(path) !== undefined || /\.(json|ya?ml)$/i.test(basename(path));
}

/**
 * Kinds recognised by their content, for files with other names. A cheap
 * textual test runs first so that unrelated JSON (package.json …) is not parsed.
 */
export function kindByContent(path: string, text: string): FileKind | undefined {
  const name = basename(path).toLowerCase();
  if (name.endsWith('.json')) {
    const head = text.slice(0, 4096);
    if (/^\s*\{\s*"pipeline"\s*:/i.test(text) && /"stages"/i.test(text)) return 'pipeline';
    if (text.includes('"containerDefinitions"') && /^\s*\{/.test(text)) return 'taskdef';
    if (/^\s*\{\s*"ImageURI"\s*:/.test(head)) return 'imagedetail';
    if (/^\s*\[\s*\{\s*"name"\s*:[^{}]*"imageUri"\s*:/.test(head)) return 'imagedefinitions';
    if (/"computeType"\s*:/.test(text) && /"environment"\s*:\s*\{/.test(text) && /"source"\s*:/.test(text)) return 'codebuild-project';
    return undefined;
  }
  if (/\.ya?ml$/.test(name)) {
    if (/^phases\s*:/m.test(text) && /^version\s*:/m.test(text)) return 'buildspec';
    if (/^\s*-\s*TargetService\s*:/m.test(text) && /^Resources\s*:/m.test(text)) return 'appspec';
  }
  return undefined;
}

/** Which syntax a kind is written in. */
export function syntaxOf(kind: FileKind, path: string): 'json' | 'yaml' | 'dockerfile' {
  if (kind === 'dockerfile') return 'dockerfile';
  if (kind === 'buildspec') return 'yaml';
  if (kind === 'appspec') return /\.json$/i.test(path) ? 'json' : 'yaml';
  return 'json';
}
