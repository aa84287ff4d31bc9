/** Small POSIX path helpers for container paths and paths inside the build context. */

export function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return (path.startsWith('/') ? '/' : '') + out.join('/');
}

/** A container path resolved against the working directory. */
export function resolveIn(workdir: string, path: string): string {
  return normalize(path.startsWith('/') ? path : `${workdir}/${path}`) || '/';
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : i === 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Joins context-relative parts, dropping empty ones: `join('', 'app', 'package.json')`. */
export function join(...parts: string[]): string {
  return normalize(parts.filter(Boolean).join('/'));
}

/** `sub` relative to `dir` when it is inside it (`''` for the same folder). */
export function inside(dir: string, sub: string): string | undefined {
  if (dir === sub) return '';
  const prefix = dir === '/' ? '/' : `${dir}/`;
  return sub.startsWith(prefix) ? sub.slice(prefix.length) : undefined;
}

/** Whether a Docker COPY glob (`*`, `?`, `[…]`, one path segment) matches a name. */
export function globMatches(glob: string, name: string): boolean {
  const re = glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  try {
    return new RegExp(`^${re}$`).test(name);
  } catch {
    return false;
  }
}

export const isGlob = (s: string) => /[*?[]/.test(s);
