import type { SourceFile } from '../model.js';

/** Configuration files are small; the CodeDeployToECS input artifact itself is capped at 3 MB. */
export const MAX_BYTES = 4 * 1024 * 1024;

export type Decoded = { text: string } | { problem: string };

/**
 * Turns a file's bytes into text, or says why it cannot be a configuration
 * file: too large, binary, or not UTF-8. A leading BOM is dropped.
 */
export function decode(file: SourceFile): Decoded {
  if (file.text !== undefined) return { text: stripBom(file.text) };
  const size = file.bytes?.length ?? file.size ?? 0;
  if (size > MAX_BYTES || !file.bytes) {
    return { problem: `the file is ${formatSize(size)}, larger than the ${formatSize(MAX_BYTES)} a configuration file can be; it was not read` };
  }
  const bytes = file.bytes;
  // PowerShell's `>` and some Windows editors write UTF-16 with a BOM; say so rather than "binary".
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: 'the file is UTF-16 (it starts with a UTF-16 byte order mark); CodeBuild, the AWS CLI and CodeDeployToECS read UTF-8: save it as UTF-8' };
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { problem: 'the file is binary (it contains NUL bytes), not a text configuration file' };
  try {
    return { text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return { problem: `the file is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)}); save it as UTF-8` };
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function formatSize(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} bytes`;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}
