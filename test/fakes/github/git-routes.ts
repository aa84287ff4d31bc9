import { createHash } from 'node:crypto';
import type { AppRoutes, ExtensionAnswer, ExtensionRequest, FakeExtension, GitFile } from './app-routes.js';
import { fullRepository, pullJson, type StoredPull } from './git-objects.js';
import { isoSeconds, nodeId, type FakeApp, type Urls } from './objects.js';
import { HttpError } from './store.js';

/**
 * Writing to a repository as a GitHub App does for an onboarding pull
 * request: the repository itself (default branch), refs, trees (entries with
 * `content` or a blob `sha`, on a `base_tree`), commits, blobs, and pull
 * requests (list by `head`/`state`, create, update). It shares the commits
 * it stores with AppRoutes, so trees, blobs and the contents API answer for
 * them too. Plugs into FakeGitHub through `combineExtensions(git, appRoutes)`.
 * What GitHub refuses is refused the same way (422, counted as a rejection):
 * a ref that exists, an update that is not a fast-forward without `force`, a
 * second open pull request for one head and base, a pull request without
 * commits. Without the `contents` or `pull_requests` write permission, writes
 * answer 403 `Resource not accessible by integration`.
 */

export const GIT_OPERATIONS = [
  'GET /repos/{owner}/{repo}',
  'GET /repos/{owner}/{repo}/git/ref/{ref}',
  'POST /repos/{owner}/{repo}/git/refs',
  'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
  'POST /repos/{owner}/{repo}/git/blobs',
  'POST /repos/{owner}/{repo}/git/trees',
  'POST /repos/{owner}/{repo}/git/commits',
  'GET /repos/{owner}/{repo}/git/commits/{commit_sha}',
  'GET /repos/{owner}/{repo}/pulls',
  'POST /repos/{owner}/{repo}/pulls',
  'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
] as const;

export type Access = 'read' | 'write';

export interface GitRoutesOptions {
  /** The AppRoutes whose trees, blobs and contents should show the commits made here. */
  base: AppRoutes;
  /** The app that writes (author of its commits and pull requests). */
  app: FakeApp;
  permissions?: { contents?: Access; pull_requests?: Access };
  now?: () => Date;
}

export interface FileAt {
  path: string;
  content: string;
  mode: string;
}

interface Commit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  author: { name: string; email: string; date: string };
}

interface Repo {
  fullName: string;
  owner: string;
  name: string;
  id: number;
  defaultBranch: string;
  archived: boolean;
  fork: boolean;
  private: boolean;
  createdAt: string;
  refs: Map<string, string>;
  pulls: StoredPull[];
}

const FORBIDDEN = 'Resource not accessible by integration';

function sha1(text: string | Buffer): string {
  return createHash('sha1').update(text).digest('hex');
}

function blobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function refused(message: string, extra: Record<string, unknown> = {}): HttpError {
  return new HttpError(422, message, extra, true);
}

export class GitRoutes implements FakeExtension {
  private readonly repos = new Map<string, Repo>();
  private readonly commits = new Map<string, Commit>();
  /** Tree sha → every file of the tree (flat paths). A seeded commit's tree has the commit's sha, as AppRoutes answers it. */
  private readonly trees = new Map<string, FileAt[]>();
  private readonly blobs = new Map<string, Buffer>();
  private nextPullId = 1_900_000_000;
  private nextRepoId = 500;
  private counter = 0;
  permissions: { contents: Access; pull_requests: Access };

  constructor(private readonly o: GitRoutesOptions) {
    this.permissions = { contents: o.permissions?.contents ?? 'write', pull_requests: o.permissions?.pull_requests ?? 'write' };
  }

  // ---- what tests set up and look at -------------------------------------

  /** Declares a repository (`owner/repo`), or changes it (e.g. `private: false`); `commit` declares it too, with `main` as default branch. */
  repository(fullName: string, o: { defaultBranch?: string; archived?: boolean; fork?: boolean; private?: boolean } = {}): void {
    const r = this.repoOrNew(fullName);
    if (o.defaultBranch) r.defaultBranch = o.defaultBranch;
    if (o.archived !== undefined) r.archived = o.archived;
    if (o.fork !== undefined) r.fork = o.fork;
    if (o.private !== undefined) r.private = o.private;
  }

  /** A commit of someone else (no parents unless given), and `branch` pointed at it. */
  commit(fullName: string, sha: string, files: GitFile[], o: { branch?: string; parents?: string[]; message?: string } = {}): void {
    const r = this.repoOrNew(fullName);
    const at = files.map((f) => ({ path: f.path, content: Buffer.from(f.content).toString('utf8'), mode: '100644' }));
    for (const f of files) this.blobs.set(blobSha(Buffer.from(f.content)), Buffer.from(f.content));
    this.trees.set(sha, at);
    this.commits.set(sha, { sha, tree: sha, parents: o.parents ?? [], message: o.message ?? 'Commit', author: { name: 'Mona Lisa', email: 'mona@example.com', date: this.now() } });
    if (o.branch) r.refs.set(`heads/${o.branch}`, sha);
    this.o.base.commit(fullName, sha, files, o.branch);
  }

  /** A user's commit on top of a branch (a push), changing or adding `files`. */
  push(fullName: string, branch: string, files: GitFile[], message = 'A change'): string {
    const r = this.repo(fullName);
    const parent = r.refs.get(`heads/${branch}`);
    if (!parent) throw new Error(`no branch ${branch}`);
    const byPath = new Map(this.treeFiles(this.commitOf(parent).tree).map((f) => [f.path, f]));
    for (const f of files) byPath.set(f.path, { path: f.path, content: Buffer.from(f.content).toString('utf8'), mode: '100644' });
    const sha = sha1(`push ${parent} ${message} ${++this.counter}`);
    this.commit(fullName, sha, [...byPath.values()], { branch, parents: [parent], message });
    return sha;
  }

  /** The files of a branch or commit: path → content (and mode). */
  files(fullName: string, ref: string): FileAt[] {
    const r = this.repo(fullName);
    const sha = r.refs.get(`heads/${ref}`) ?? ref;
    return this.treeFiles(this.commitOf(sha).tree);
  }

  branch(fullName: string, name: string): string | undefined {
    return this.repo(fullName).refs.get(`heads/${name}`);
  }

  commitInfo(sha: string): { parents: string[]; message: string } {
    const c = this.commitOf(sha);
    return { parents: [...c.parents], message: c.message };
  }

  pulls(fullName: string): StoredPull[] {
    return this.repo(fullName).pulls.map((p) => ({ ...p }));
  }

  /** A person closes or reopens a pull request (without merging). */
  setPullState(fullName: string, number: number, state: 'open' | 'closed'): void {
    const r = this.repo(fullName);
    const p = r.pulls.find((x) => x.number === number);
    if (!p) throw new Error(`no pull request #${number}`);
    if (p.mergedAt) throw new Error(`#${number} is merged`);
    p.state = state;
    p.closedAt = state === 'closed' ? this.now() : null;
    p.headSha = r.refs.get(`heads/${p.head}`) ?? p.headSha;
  }

  /** A person closes (or merges) a pull request. A merge moves the base branch to the head's commit. */
  closePull(fullName: string, number: number, o: { merged: boolean }): void {
    const r = this.repo(fullName);
    const p = r.pulls.find((x) => x.number === number);
    if (!p) throw new Error(`no pull request #${number}`);
    p.state = 'closed';
    p.closedAt = this.now();
    p.headSha = r.refs.get(`heads/${p.head}`) ?? p.headSha;
    if (o.merged) {
      p.mergedAt = p.closedAt;
      this.commit(fullName, p.headSha, this.treeFiles(this.commitOf(p.headSha).tree).map((f) => ({ path: f.path, content: f.content })), { branch: p.base, parents: this.commitOf(p.headSha).parents, message: this.commitOf(p.headSha).message });
    }
  }

  // ---- FakeExtension -------------------------------------------------------

  authenticate(): boolean | undefined {
    return undefined;
  }

  serves(key: string): boolean {
    // Any repository: one the test did not declare answers 404 as GitHub does.
    return (GIT_OPERATIONS as readonly string[]).includes(key);
  }

  dispatch(q: ExtensionRequest): ExtensionAnswer | undefined {
    const urls: Urls = { api: q.api, web: q.web };
    const r = this.repo(`${q.path.owner}/${q.path.repo}`);
    const writes = q.key.startsWith('POST') || q.key.startsWith('PATCH');
    const needs = q.key.includes('/pulls') ? 'pull_requests' : 'contents';
    if (writes && this.permissions[needs] !== 'write') throw new HttpError(403, FORBIDDEN);
    const base = `${q.api}/repos/${r.fullName}`;
    switch (q.key) {
      case 'GET /repos/{owner}/{repo}':
        return { status: 200, body: fullRepository(urls, this.repoInfo(r), 'full') };
      case 'GET /repos/{owner}/{repo}/git/ref/{ref}': {
        const ref = String(q.path.ref);
        if (r.refs.size === 0) throw new HttpError(409, 'Git Repository is empty.');
        const sha = r.refs.get(ref);
        if (!sha) throw new HttpError(404, 'Not Found');
        return { status: 200, body: this.refJson(base, ref, sha) };
      }
      case 'POST /repos/{owner}/{repo}/git/refs': {
        const ref = String(q.body.ref);
        const sha = String(q.body.sha);
        if (!/^refs\/[^/]+\/.+/.test(ref)) throw refused("Reference name must start with 'refs/' and have at least two slashes.");
        const name = ref.slice('refs/'.length);
        if (r.refs.has(name)) throw refused('Reference already exists');
        if (!this.commits.has(sha)) throw refused('Object does not exist');
        this.setRef(r, name, sha);
        return { status: 201, body: this.refJson(base, name, sha) };
      }
      case 'PATCH /repos/{owner}/{repo}/git/refs/{ref}': {
        const name = String(q.path.ref);
        const old = r.refs.get(name);
        const sha = String(q.body.sha);
        if (!old) throw refused('Reference does not exist');
        if (!this.commits.has(sha)) throw refused('Object does not exist');
        if (q.body.force !== true && !this.ancestors(sha).has(old)) throw refused('Update is not a fast forward');
        this.setRef(r, name, sha);
        return { status: 200, body: this.refJson(base, name, sha) };
      }
      case 'POST /repos/{owner}/{repo}/git/blobs': {
        const encoding = q.body.encoding === undefined ? 'utf-8' : String(q.body.encoding);
        if (encoding !== 'utf-8' && encoding !== 'base64') throw refused(`encoding must be utf-8 or base64, not ${encoding}`);
        const bytes = Buffer.from(String(q.body.content), encoding === 'base64' ? 'base64' : 'utf8');
        const sha = blobSha(bytes);
        this.blobs.set(sha, bytes);
        return { status: 201, body: { url: `${base}/git/blobs/${sha}`, sha } };
      }
      case 'POST /repos/{owner}/{repo}/git/trees':
        return this.createTree(q, base);
      case 'POST /repos/{owner}/{repo}/git/commits': {
        const tree = String(q.body.tree);
        const parents = ((q.body.parents as unknown[] | undefined) ?? []).map(String);
        if (!this.trees.has(tree)) throw refused('Tree SHA does not exist');
        for (const p of parents) if (!this.commits.has(p)) throw refused('Parent SHA does not exist or is not a commit object');
        const bot = `${this.o.app.slug}[bot]`;
        const author = { name: bot, email: `${this.o.app.id}+${bot}@users.noreply.github.com`, date: this.now() };
        const message = String(q.body.message);
        const sha = sha1(`commit ${tree} ${parents.join(' ')} ${message} ${++this.counter}`);
        this.commits.set(sha, { sha, tree, parents, message, author });
        this.o.base.commit(r.fullName, sha, this.treeFiles(tree).map((f) => ({ path: f.path, content: f.content })));
        return { status: 201, body: this.commitJson(urls, r, sha) };
      }
      case 'GET /repos/{owner}/{repo}/git/commits/{commit_sha}': {
        const sha = String(q.path.commit_sha);
        if (!this.commits.has(sha)) throw new HttpError(404, 'Not Found');
        return { status: 200, body: this.commitJson(urls, r, sha) };
      }
      case 'GET /repos/{owner}/{repo}/pulls':
        return this.listPulls(q, r, urls);
      case 'POST /repos/{owner}/{repo}/pulls':
        return this.createPull(q, r, urls);
      case 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}': {
        const p = r.pulls.find((x) => x.number === q.path.pull_number);
        if (!p) throw new HttpError(404, 'Not Found');
        if (q.body.title !== undefined) p.title = String(q.body.title);
        if (q.body.body !== undefined) p.body = String(q.body.body);
        if (q.body.state === 'closed' && p.state === 'open') {
          p.state = 'closed';
          p.closedAt = this.now();
          p.headSha = r.refs.get(`heads/${p.head}`) ?? p.headSha;
        } else if (q.body.state === 'open' && p.state === 'closed') {
          if (p.mergedAt) throw refused('state cannot be changed. The pull request cannot be reopened because it was merged.');
          p.state = 'open';
          p.closedAt = null;
        }
        p.updatedAt = this.now();
        return { status: 200, body: pullJson(urls, this.pullView(r, p), 'full') };
      }
    }
    return undefined;
  }

  // ---- internals -------------------------------------------------------------

  private now(): string {
    return isoSeconds(this.o.now ? this.o.now() : new Date());
  }

  private repoOrNew(fullName: string): Repo {
    const key = fullName.toLowerCase();
    let r = this.repos.get(key);
    if (!r) {
      const [owner, name] = fullName.split('/');
      r = { fullName, owner, name, id: this.nextRepoId++, defaultBranch: 'main', archived: false, fork: false, private: true, createdAt: this.now(), refs: new Map(), pulls: [] };
      this.repos.set(key, r);
    }
    return r;
  }

  private repo(fullName: string): Repo {
    const r = this.repos.get(fullName.toLowerCase());
    if (!r) throw new HttpError(404, 'Not Found');
    return r;
  }

  private repoInfo(r: Repo) {
    return { owner: r.owner, repo: r.name, id: r.id, defaultBranch: r.defaultBranch, archived: r.archived, fork: r.fork, private: r.private, createdAt: r.createdAt, pushedAt: this.now() };
  }

  private commitOf(sha: string): Commit {
    const c = this.commits.get(sha);
    if (!c) throw new HttpError(404, 'Not Found');
    return c;
  }

  private treeFiles(tree: string): FileAt[] {
    const files = this.trees.get(tree);
    if (!files) throw new HttpError(404, 'Not Found');
    return files.map((f) => ({ ...f }));
  }

  private ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const todo = [sha];
    while (todo.length > 0) {
      const s = todo.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      todo.push(...(this.commits.get(s)?.parents ?? []));
    }
    return seen;
  }

  private setRef(r: Repo, name: string, sha: string): void {
    r.refs.set(name, sha);
    if (name.startsWith('heads/')) {
      this.o.base.commit(r.fullName, sha, this.treeFiles(this.commitOf(sha).tree).map((f) => ({ path: f.path, content: f.content })), name.slice('heads/'.length));
    }
  }

  private refJson(base: string, name: string, sha: string): Record<string, unknown> {
    return { ref: `refs/${name}`, node_id: nodeId('Ref', Number.parseInt(sha.slice(0, 8), 16)), url: `${base}/git/refs/${name}`, object: { type: 'commit', sha, url: `${base}/git/commits/${sha}` } };
  }

  private createTree(q: ExtensionRequest, base: string): ExtensionAnswer {
    const byPath = new Map<string, FileAt>();
    if (q.body.base_tree !== undefined) {
      const files = this.trees.get(String(q.body.base_tree));
      if (!files) throw refused('base_tree is not a valid tree oid');
      for (const f of files) byPath.set(f.path, { ...f });
    }
    for (const e of (q.body.tree as Array<Record<string, unknown>>) ?? []) {
      const path = String(e.path ?? '');
      if (!path || path.startsWith('/') || path.endsWith('/') || path.split('/').some((s) => s === '' || s === '.' || s === '..')) throw refused(`tree.path "${path}" is not a valid path`);
      if (e.type !== 'blob' || (e.mode !== '100644' && e.mode !== '100755')) throw refused(`this fake stores files only (type blob, mode 100644 or 100755), not ${String(e.type)} ${String(e.mode)}`);
      if (e.content !== undefined && e.sha !== undefined) throw refused('tree entries take either content or sha, not both');
      if (e.sha === null) {
        byPath.delete(path);
        continue;
      }
      let content: string;
      if (e.content !== undefined) content = String(e.content);
      else {
        const blob = this.blobs.get(String(e.sha));
        if (!blob) throw refused(`tree.sha ${String(e.sha)} is not a valid blob`);
        content = blob.toString('utf8');
      }
      byPath.set(path, { path, content, mode: String(e.mode) });
      this.blobs.set(blobSha(Buffer.from(content)), Buffer.from(content));
    }
    const files = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const sha = sha1(files.map((f) => `${f.mode} ${f.path} ${blobSha(Buffer.from(f.content))}`).join('\n'));
    this.trees.set(sha, files);
    // GitHub answers the new tree's top level: files at the root and the first folder of the others.
    const top = new Map<string, Record<string, unknown>>();
    for (const f of files) {
      const slash = f.path.indexOf('/');
      if (slash < 0) {
        const b = blobSha(Buffer.from(f.content));
        top.set(f.path, { path: f.path, mode: f.mode, type: 'blob', sha: b, size: Buffer.byteLength(f.content), url: `${base}/git/blobs/${b}` });
      } else {
        const dir = f.path.slice(0, slash);
        const d = sha1(`tree ${sha} ${dir}`);
        top.set(dir, { path: dir, mode: '040000', type: 'tree', sha: d, url: `${base}/git/trees/${d}` });
      }
    }
    return { status: 201, body: { sha, url: `${base}/git/trees/${sha}`, tree: [...top.values()], truncated: false } };
  }

  private commitJson(urls: Urls, r: Repo, sha: string): Record<string, unknown> {
    const c = this.commitOf(sha);
    const base = `${urls.api}/repos/${r.fullName}`;
    return {
      sha,
      node_id: nodeId('Commit', Number.parseInt(sha.slice(0, 8), 16)),
      url: `${base}/git/commits/${sha}`,
      html_url: `${urls.web}/${r.fullName}/commit/${sha}`,
      author: c.author,
      committer: c.author,
      tree: { sha: c.tree, url: `${base}/git/trees/${c.tree}` },
      message: c.message,
      parents: c.parents.map((p) => ({ sha: p, url: `${base}/git/commits/${p}`, html_url: `${urls.web}/${r.fullName}/commit/${p}` })),
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    };
  }

  private pullView(r: Repo, p: StoredPull) {
    const live = p.state === 'open' ? (r.refs.get(`heads/${p.head}`) ?? p.headSha) : p.headSha;
    return { pull: { ...p, headSha: live }, repo: this.repoInfo(r), baseSha: r.refs.get(`heads/${p.base}`) ?? p.headSha, app: this.o.app };
  }

  private listPulls(q: ExtensionRequest, r: Repo, urls: Urls): ExtensionAnswer {
    const state = (q.query.state as string | undefined) ?? 'open';
    const head = q.query.head as string | undefined;
    const baseRef = q.query.base as string | undefined;
    let list = r.pulls.filter((p) => state === 'all' || p.state === state);
    if (head !== undefined) {
      // `owner:branch`; GitHub ignores a head without the owner's prefix.
      const m = /^([^:]+):(.+)$/.exec(head);
      if (m) list = list.filter((p) => m[1].toLowerCase() === r.owner.toLowerCase() && p.head === m[2]);
    }
    if (baseRef !== undefined) list = list.filter((p) => p.base === baseRef);
    const direction = (q.query.direction as string | undefined) ?? 'desc';
    list = [...list].sort((a, b) => (direction === 'asc' ? a.number - b.number : b.number - a.number));
    const perPage = Math.min(100, Math.max(1, (q.query.per_page as number | undefined) ?? 30));
    const page = Math.max(1, (q.query.page as number | undefined) ?? 1);
    const items = list.slice((page - 1) * perPage, page * perPage);
    return { status: 200, body: items.map((p) => pullJson(urls, this.pullView(r, p), 'simple')) };
  }

  private createPull(q: ExtensionRequest, r: Repo, urls: Urls): ExtensionAnswer {
    const headRaw = String(q.body.head);
    const head = headRaw.includes(':') ? headRaw.slice(headRaw.indexOf(':') + 1) : headRaw;
    const baseRef = String(q.body.base);
    const validation = (field: string) => refused('Validation Failed', { errors: [{ resource: 'PullRequest', field, code: 'invalid' }] });
    const headSha = r.refs.get(`heads/${head}`);
    const baseSha = r.refs.get(`heads/${baseRef}`);
    if (!baseSha) throw validation('base');
    if (!headSha) throw validation('head');
    if (r.pulls.some((p) => p.state === 'open' && p.head === head && p.base === baseRef)) {
      throw refused('Validation Failed', { errors: [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${r.owner}:${head}.` }] });
    }
    if (this.ancestors(baseSha).has(headSha)) {
      throw refused('Validation Failed', { errors: [{ resource: 'PullRequest', code: 'custom', message: `No commits between ${baseRef} and ${head}` }] });
    }
    const now = this.now();
    const p: StoredPull = {
      id: this.nextPullId++,
      number: r.pulls.length + 1,
      state: 'open',
      title: String(q.body.title ?? head),
      body: q.body.body === undefined ? null : String(q.body.body),
      head,
      base: baseRef,
      headSha,
      draft: q.body.draft === true,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      mergedAt: null,
    };
    r.pulls.push(p);
    return { status: 201, body: pullJson(urls, this.pullView(r, p), 'full') };
  }
}
