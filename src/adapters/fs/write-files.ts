import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ScaffoldFsPort } from '../../services/scaffold.js';

/** The scaffold's file system port over a real folder. */
export function folderFs(root: string): ScaffoldFsPort {
  const abs = (path: string) => {
    const full = resolve(root, ...path.split('/'));
    // Scaffold paths are fixed and relative; this guards against a future one that is not.
    if (!full.startsWith(resolve(root))) throw new Error(`${path} is outside ${root}`);
    return full;
  };
  return {
    read(path) {
      try {
        return readFileSync(abs(path), 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
    },
    write(path, content, o) {
      const full = abs(path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
      if (o.executable) chmodSync(full, 0o755);
    },
  };
}

/** Reads a file of the repository for defaults; undefined when absent or unreadable. */
export function readOptional(root: string, path: string): string | undefined {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
}
