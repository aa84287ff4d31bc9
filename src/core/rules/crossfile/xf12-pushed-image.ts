import { child, str } from '../../config/node.js';
import { docsOf, type Doc } from '../../model.js';
import type { Range } from '../../types.js';
import type { Rule } from '../rule.js';
import { contextOf } from './context.js';
import { display, hasOpaque, hasSymbols } from './shell.js';
import { containersOf, list, placeholdersIn, templated } from './templates.js';
import { wordRange, type Workspace, type Write } from './workspace.js';

interface Ref {
  repo: string;
  tag?: string;
  digest?: string;
}

function parseRef(s: string): Ref {
  const at = s.indexOf('@');
  if (at >= 0) return { repo: s.slice(0, at), digest: s.slice(at + 1) };
  const slash = s.lastIndexOf('/');
  const colon = s.lastIndexOf(':');
  return colon > slash ? { repo: s.slice(0, colon), tag: s.slice(colon + 1) } : { repo: s };
}

const full = (r: Ref) => `${r.repo}:${r.tag ?? 'latest'}`;

/** What the build pushes, as `repo:tag`; undefined when it cannot be told. */
function pushedRefs(ws: Workspace): string[] | undefined {
  if (ws.pushesUncertain) return undefined;
  const out: string[] = [];
  for (const p of ws.pushes) {
    const r = parseRef(p.ref);
    if (r.digest) return undefined;
    if (!p.allTags) {
      out.push(full(r));
      continue;
    }
    const tagged = [...ws.builds.flatMap((b) => b.tags.map((t) => t.ref)), ...ws.tags.map((t) => t.dst)].map(parseRef).filter((t) => t.repo === r.repo);
    if (tagged.length === 0) return undefined;
    out.push(...tagged.map(full));
  }
  return out;
}

interface ImageUse {
  doc: Doc;
  range: Range;
  /** Expanded text: unknown variables as symbols. */
  uri: string;
}

/** The ImageURI values a build writes into imageDetail.json, with printf/echo or a heredoc. */
function imageDetailWrites(ws: Workspace): ImageUse[] {
  const out: ImageUse[] = [];
  for (const w of ws.writes) {
    if (w.name?.toLowerCase() !== 'imagedetail.json') continue;
    if (w.content) {
      const m = /"ImageURI"\s*:\s*"([^"]*)"/.exec(w.content.text);
      if (!m) continue;
      const idx = m.index + m[0].length - 1 - m[1].length;
      const piece = w.content.pieces.find((p) => p.from <= idx && idx < p.to) ?? w.content.pieces.find((p) => p.from <= idx && idx <= p.to);
      out.push({ doc: ws.doc, range: wordRange(ws.doc, w.command, piece?.word ?? w.word), uri: m[1] });
    }
    for (const d of w.docs) {
      const node = child(d.root, 'ImageURI');
      const uri = str(node);
      if (!node || uri === undefined) continue;
      out.push({ doc: d, range: node.range, uri: expandGenerated(w, d, uri) });
    }
  }
  return out;
}

function expandGenerated(w: Write | undefined, d: Doc, s: string): string {
  if (!w?.env || !d.embedded) return s;
  return w.env.expandText(s, new Set(d.embedded.unresolved));
}

/** XF-12: the image written for the deploy is the one the build pushed. */
export const xf12PushedImage: Rule = {
  id: 'XF-12',
  title: 'Deployed image is the one pushed',
  severity: 'warning',
  files: ['buildspec', 'imagedetail', 'taskdef'],
  docs: {
    what: 'The repository and tag written into imageDetail.json (or set as a container image in the task definition) are exactly what the buildspec\'s `docker push` pushed, with variables expanded as the shell would.',
    why: 'CodeDeployToECS deploys whatever ImageURI says. A tag that was never pushed (`:latest` pushed, `:$IMAGE_TAG` written), a URI without its registry, or `$VARIABLES` inside single quotes that the shell never expands, give tasks that fail to pull their image ("CannotPullContainerError") and a deployment that rolls back.',
    bad: [{ file: 'buildspec.yml', text: 'post_build:\n  commands:\n    - docker push $ECR_REPO:latest\n    - printf \'{"ImageURI":"%s"}\' "$ECR_REPO:$IMAGE_TAG" > imageDetail.json\n' }],
    good: [{ file: 'buildspec.yml', text: 'post_build:\n  commands:\n    - docker push $ECR_REPO:$IMAGE_TAG\n    - printf \'{"ImageURI":"%s"}\' "$ECR_REPO:$IMAGE_TAG" > imageDetail.json\n' }],
  },
  check({ project, report }) {
    const ctx = contextOf(project);
    const all: string[] = [];
    let allKnown = true;
    for (const b of ctx.buildspecs) {
      const ws = ctx.workspace(b);
      const pushed = pushedRefs(ws);
      if (pushed) all.push(...pushed);
      else allKnown = false;
      for (const use of imageDetailWrites(ws)) {
        // Symbols stand for expanded variables; a `$` left in the text is one the shell never expanded.
        if (/\$\{?[A-Za-z_]/.test(use.uri)) {
          report({
            doc: use.doc,
            range: use.range,
            message: `imageDetail.json gets the literal text "${display(use.uri)}": the shell does not expand variables inside single quotes or a quoted heredoc, so the task would pull an image of that name; write it with printf '{"ImageURI":"%s"}' "<repository URI>:<tag>" > imageDetail.json`,
          });
          continue;
        }
        if (!pushed || pushed.length === 0) continue;
        const problem = compare(use.uri, pushed);
        if (problem) report({ doc: use.doc, range: use.range, message: `imageDetail.json names ${problem}` });
      }
    }
    if (!allKnown || all.length === 0) return;
    const pushedRepos = new Map<string, string[]>();
    for (const r of all.map(parseRef)) pushedRepos.set(r.repo, [...(pushedRepos.get(r.repo) ?? []), r.tag ?? 'latest']);
    for (const taskdef of docsOf(project, 'taskdef')) {
      const write = ctx.buildspecs.flatMap((b) => ctx.workspace(b).writes).find((w) => w.docs.includes(taskdef));
      for (const c of containersOf(taskdef)) {
        if (c.image === undefined || !c.imageNode || placeholdersIn(c.image).length > 0) continue;
        const image = expandGenerated(write, taskdef, c.image);
        if (!taskdef.embedded && templated(image)) continue;
        if (hasOpaque(image)) continue;
        const r = parseRef(image);
        const tags = pushedRepos.get(r.repo);
        if (r.digest || !tags || tags.includes(r.tag ?? 'latest')) continue;
        report({
          doc: taskdef,
          range: c.imageNode.range,
          message: `Container "${c.name ?? '?'}" runs ${display(full(r))}, but the build pushes ${display(r.repo)} only as ${list(tags.map(display))}; use a tag that is pushed, or the <IMAGE1_NAME> placeholder so that the deploy action fills in the new image`,
        });
      }
    }
  },
};

/** Why `uri` is not among the pushed refs, or undefined when it is (or cannot be told). */
function compare(uri: string, pushed: string[]): string | undefined {
  if (hasOpaque(uri)) return undefined;
  const r = parseRef(uri);
  if (r.digest) return undefined;
  const want = full(r);
  if (pushed.includes(want)) return undefined;
  const same = pushed.map(parseRef).filter((p) => p.repo === r.repo);
  if (same.length > 0) {
    if (same.some((p) => hasOpaque(p.tag ?? ''))) return undefined;
    return `${display(want)}, but docker push pushed ${display(r.repo)} only as ${list(same.map((p) => display(p.tag ?? 'latest')), false)}; write a tag that was pushed, or push this one too, or the task cannot pull its image`;
  }
  const longer = pushed.find((p) => p.endsWith('/' + want));
  if (longer) return `${display(want)}, but the image was pushed as ${display(longer)}: the ImageURI lacks the registry part "${display(longer.slice(0, longer.length - want.length))}"; write the full repository URI`;
  if (!hasSymbols(want) && pushed.every((p) => !hasSymbols(p))) {
    return `${want}, but this build pushes only ${list(pushed, false)}; write the image that was pushed`;
  }
  return undefined;
}
