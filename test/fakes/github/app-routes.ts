import { createHash, createPublicKey, createVerify, type KeyObject } from 'node:crypto';
import type { FakeApp } from './objects.js';
import { HttpError } from './store.js';

/**
 * What a GitHub App needs beyond check runs, statuses and deployments: its
 * installation access tokens (asked for with a JWT signed by the app's
 * private key) and the repository's content at a commit (git trees and
 * blobs, the contents API, which Probot's `context.config` reads raw). Plugs
 * into FakeGitHub through its `extension` option; requests are validated
 * against GitHub's OpenAPI description like every other.
 */

export const APP_OPERATIONS = [
  'POST /app/installations/{installation_id}/access_tokens',
  'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
  'GET /repos/{owner}/{repo}/git/blobs/{file_sha}',
  'GET /repos/{owner}/{repo}/contents/{path}',
] as const;

export interface ExtensionAnswer {
  status: number;
  body?: unknown;
  /** Sent as is (raw media types); the answer is then not checked against the JSON schema. */
  raw?: string;
  headers?: Record<string, string>;
}

export interface ExtensionRequest {
  key: string;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  /** The API base URL, for `url` fields. */
  api: string;
  web: string;
}

/** The hook FakeGitHub calls; see server.ts. */
export interface FakeExtension {
  /** A verdict on the credentials for this path, or undefined to leave it to the fake's token check. */
  authenticate(pathname: string, presented: string): boolean | undefined;
  /** Whether the extension answers this operation for these parameters (another repository, a route without one). */
  serves(key: string, params: Record<string, string>): boolean;
  dispatch(r: ExtensionRequest): ExtensionAnswer | undefined;
}

export interface GitFile {
  path: string;
  content: string | Uint8Array;
}

export interface AppRoutesOptions {
  app: FakeApp;
  /** PEM of the app's public key: access-token requests must carry a JWT it verifies. */
  publicKey: string;
  /** The installation token handed out: make it the fake's `token`. */
  installationToken: string;
  installationId: number;
  permissions?: Record<string, string>;
  /** Trees larger than this are answered with `truncated: true` (GitHub's limit is 100,000 entries). */
  maxTreeEntries?: number;
}

interface Blob {
  sha: string;
  bytes: Buffer;
}

function blobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function b64url(s: string): Buffer {
  return Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** Repositories (`owner/repo`) → commits → files, plus the app's credentials. */
export class AppRoutes implements FakeExtension {
  private readonly key: KeyObject;
  private readonly commits = new Map<string, Map<string, GitFile[]>>();
  private readonly blobs = new Map<string, Blob>();
  /** Branch names → SHA per repository (for `ref` on the contents API and default branches). */
  private readonly branches = new Map<string, Map<string, string>>();
  readonly jwtErrors: string[] = [];
  tokensIssued = 0;

  constructor(private readonly o: AppRoutesOptions) {
    this.key = createPublicKey(o.publicKey);
  }

  /** Stores a commit's files; `branch` also points that branch (default `main`) at it. */
  commit(fullName: string, sha: string, files: GitFile[], branch?: string): void {
    const repo = fullName.toLowerCase();
    const byRepo = this.commits.get(repo) ?? new Map<string, GitFile[]>();
    byRepo.set(sha, files);
    this.commits.set(repo, byRepo);
    for (const f of files) {
      const bytes = Buffer.from(f.content);
      this.blobs.set(blobSha(bytes), { sha: blobSha(bytes), bytes });
    }
    if (branch) {
      const b = this.branches.get(repo) ?? new Map<string, string>();
      b.set(branch, sha);
      this.branches.set(repo, b);
    }
  }

  authenticate(pathname: string, presented: string): boolean | undefined {
    if (!pathname.startsWith('/app/') && pathname !== '/app') return undefined;
    const why = this.verifyJwt(presented);
    if (why) this.jwtErrors.push(why);
    return why === undefined;
  }

  serves(key: string, params: Record<string, string>): boolean {
    // Any repository: one the test did not fill answers 404 as GitHub does (the config plugin asks `owner/.github`).
    void params;
    return (APP_OPERATIONS as readonly string[]).includes(key);
  }

  /** Why a JWT is refused, or undefined when GitHub would take it (RS256, iss = app id, iat/exp within 10 minutes). */
  private verifyJwt(token: string): string | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return 'not a JWT';
    const [h, p, s] = parts;
    let header: { alg?: string };
    let payload: { iss?: unknown; iat?: number; exp?: number };
    try {
      header = JSON.parse(b64url(h).toString('utf8'));
      payload = JSON.parse(b64url(p).toString('utf8'));
    } catch {
      return 'JWT parts are not JSON';
    }
    if (header.alg !== 'RS256') return `alg ${header.alg} is not RS256`;
    const ok = createVerify('RSA-SHA256').update(`${h}.${p}`).verify(this.key, b64url(s));
    if (!ok) return 'signature does not verify with the app key';
    if (String(payload.iss) !== String(this.o.app.id) && payload.iss !== this.o.app.slug) return `iss ${String(payload.iss)} is not the app`;
    const now = Math.floor(Date.now() / 1000);
    if (typeof payload.exp !== 'number' || payload.exp < now || payload.exp - (payload.iat ?? now) > 600) return 'exp missing, past, or more than 10 minutes after iat';
    return undefined;
  }

  dispatch(r: ExtensionRequest): ExtensionAnswer | undefined {
    switch (r.key) {
      case 'POST /app/installations/{installation_id}/access_tokens': {
        if (r.path.installation_id !== this.o.installationId) throw new HttpError(404, 'Not Found');
        this.tokensIssued++;
        return {
          status: 201,
          body: {
            token: this.o.installationToken,
            expires_at: new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
            permissions: this.o.permissions ?? { checks: 'write', contents: 'read', metadata: 'read', pull_requests: 'read', statuses: 'write', deployments: 'write' },
            repository_selection: 'all',
          },
        };
      }
      case 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}':
        return this.tree(r);
      case 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}': {
        const blob = this.blobs.get(String(r.path.file_sha));
        if (!blob) throw new HttpError(404, 'Not Found');
        const url = `${r.api}/repos/${r.path.owner}/${r.path.repo}/git/blobs/${blob.sha}`;
        return { status: 200, body: { sha: blob.sha, node_id: Buffer.from(`Blob:${blob.sha}`).toString('base64'), size: blob.bytes.length, url, content: blob.bytes.toString('base64').replace(/(.{60})/g, '$1\n'), encoding: 'base64' } };
      }
      case 'GET /repos/{owner}/{repo}/contents/{path}':
        return this.contents(r);
    }
    return undefined;
  }

  private filesAt(r: ExtensionRequest, ref: string | undefined): GitFile[] {
    const repo = `${r.path.owner}/${r.path.repo}`.toLowerCase();
    const byRepo = this.commits.get(repo);
    if (!byRepo) throw new HttpError(404, 'Not Found');
    const sha = ref === undefined ? this.branches.get(repo)?.get('main') : byRepo.has(ref) ? ref : this.branches.get(repo)?.get(ref.replace(/^(refs\/)?heads\//, ''));
    const files = sha ? byRepo.get(sha) : undefined;
    if (!files) throw new HttpError(404, ref === undefined ? 'This repository is empty.' : `No commit found for the ref ${ref}`);
    return files;
  }

  private tree(r: ExtensionRequest): ExtensionAnswer {
    const sha = String(r.path.tree_sha);
    const files = this.filesAt(r, sha);
    const recursive = r.query.recursive !== undefined;
    const base = `${r.api}/repos/${r.path.owner}/${r.path.repo}/git`;
    const entries: Record<string, unknown>[] = [];
    const dirs = new Set<string>();
    for (const f of files) {
      const segs = f.path.split('/');
      for (let i = 1; i < segs.length; i++) dirs.add(segs.slice(0, i).join('/'));
    }
    for (const d of [...dirs].sort()) {
      if (!recursive && d.includes('/')) continue;
      const dsha = createHash('sha1').update(`tree ${d}`).digest('hex');
      entries.push({ path: d, mode: '040000', type: 'tree', sha: dsha, url: `${base}/trees/${dsha}` });
    }
    for (const f of files) {
      if (!recursive && f.path.includes('/')) continue;
      const bytes = Buffer.from(f.content);
      const bsha = blobSha(bytes);
      entries.push({ path: f.path, mode: '100644', type: 'blob', sha: bsha, size: bytes.length, url: `${base}/blobs/${bsha}` });
    }
    entries.sort((a, b) => (String(a.path) < String(b.path) ? -1 : 1));
    const max = this.o.maxTreeEntries ?? 100_000;
    return { status: 200, body: { sha, url: `${base}/trees/${sha}`, tree: entries.slice(0, max), truncated: entries.length > max } };
  }

  private contents(r: ExtensionRequest): ExtensionAnswer {
    const path = String(r.path.path).replace(/^\/+/, '');
    const files = this.filesAt(r, r.query.ref === undefined ? undefined : String(r.query.ref));
    const file = files.find((f) => f.path === path);
    if (!file) throw new HttpError(404, 'Not Found');
    const bytes = Buffer.from(file.content);
    const accept = String(r.headers.accept ?? '');
    if (/application\/vnd\.github(\.v3)?\.raw/.test(accept)) {
      return { status: 200, raw: bytes.toString('utf8'), headers: { 'content-type': 'text/plain; charset=utf-8' } };
    }
    const sha = blobSha(bytes);
    const url = `${r.api}/repos/${r.path.owner}/${r.path.repo}/contents/${path}`;
    const git = `${r.api}/repos/${r.path.owner}/${r.path.repo}/git/blobs/${sha}`;
    const html = `${r.web}/${r.path.owner}/${r.path.repo}/blob/main/${path}`;
    return {
      status: 200,
      body: {
        type: 'file', encoding: 'base64', size: bytes.length, name: path.slice(path.lastIndexOf('/') + 1), path, content: bytes.toString('base64'), sha, url,
        git_url: git, html_url: html, download_url: null, _links: { git, html, self: url },
      },
    };
  }
}
