/**
 * The part of a badge URL that is signed for private repositories: the path
 * without the query, with the owner and repository lower-cased (GitHub names
 * are case-insensitive), so `/badges/My-Org/MyApp/main.svg` and its
 * lower-case twin share one signature. Both formats share it too.
 */
export function signedPart(path: string): string {
  const m = /^\/badges\/([^/]+)\/([^/]+)\/(.+)\.(?:svg|json)$/.exec(path);
  return m ? `/badges/${m[1].toLowerCase()}/${m[2].toLowerCase()}/${m[3]}` : path;
}

export interface BadgePath {
  owner: string;
  repo: string;
  branch: string;
  format: 'svg' | 'json';
}

/** `/badges/:owner/:repo/:branch.svg|json`; the branch may hold slashes (`feature/login`), percent-encoded or not. */
export function parseBadgePath(path: string): BadgePath | undefined {
  const m = /^\/badges\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/(.+)\.(svg|json)$/.exec(path);
  if (!m) return undefined;
  let branch: string;
  try {
    branch = decodeURIComponent(m[3]);
  } catch {
    return undefined;
  }
  // git check-ref-format, the parts a URL can carry.
  if (!branch || /(^|\/)\.|\.\.|[\x00-\x20~^:?*[\\]|\/$|\.lock$|@\{/.test(branch)) return undefined;
  return { owner: m[1], repo: m[2], branch, format: m[4] as 'svg' | 'json' };
}
