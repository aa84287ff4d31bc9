import type { Instruction } from '../../config/dockerfile.js';
import { pathInProject, type Doc, type Project } from '../../model.js';
import type { Rule } from '../rule.js';
import { analyseStages, dockerfiles, type StageInfo } from './images.js';
import { basename, dirname, globMatches, inside, isGlob, join, normalize, resolveIn } from './paths.js';
import { argsText, leadingFlags, program, rangeIn, shellCommands, type Word } from './text.js';

const LOCKS = ['package-lock.json', 'npm-shrinkwrap.json'];
/** `npm ci` and its aliases. */
const CI = new Set(['ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean', 'cit', 'clean-install-test', 'install-ci-test', 'sit']);
/** npm commands that write a lockfile. */
const WRITES_LOCK = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add', 'update', 'up', 'upgrade', 'shrinkwrap']);
const NPM_OPTION_WITH_VALUE = new Set(['--prefix', '-C', '--workspace', '-w', '--cache', '--loglevel', '--registry', '--userconfig']);

interface Copy {
  sources: string[];
  /** Container path, undefined when it depends on a variable. */
  dest?: string;
  /** The destination is a folder (trailing `/`, several sources, a glob). */
  destDir: boolean;
  /** `COPY --from=…`: from another stage or image, not checkable here. */
  fromOther: boolean;
}

interface NpmCall {
  sub: Word;
  /** Working directory of the call, undefined when it depends on a variable. */
  cwd?: string;
}

/** npm subcommands of a RUN with the folder each runs in (`cd app && npm ci`, `npm ci --prefix app`). */
function npmCalls(text: string, workdir: string | undefined): NpmCall[] {
  const out: NpmCall[] = [];
  let cwd = workdir;
  for (const raw of shellCommands(text)) {
    const cmd = program(raw);
    const bin = basename(cmd[0]?.text ?? '');
    if (bin === 'cd') {
      const to = cmd[1]?.text;
      cwd = to === undefined || cwd === undefined || to.includes('$') ? undefined : resolveIn(cwd, to);
      continue;
    }
    if (bin !== 'npm') continue;
    let sub: Word | undefined;
    let at = cwd;
    for (let i = 1; i < cmd.length; i++) {
      const w = cmd[i].text;
      const prefix = /^--prefix=(.*)$/.exec(w)?.[1] ?? (w === '--prefix' || w === '-C' ? cmd[i + 1]?.text : undefined);
      if (prefix !== undefined) at = at === undefined || prefix.includes('$') ? undefined : resolveIn(at, prefix);
      if (w.startsWith('-')) {
        if (NPM_OPTION_WITH_VALUE.has(w)) i++;
        continue;
      }
      sub ??= cmd[i];
    }
    if (sub) out.push({ sub, cwd: at });
  }
  return out;
}

function parseCopy(ins: Instruction, workdir: string | undefined): Copy | undefined {
  if (/<</.test(ins.args)) return undefined;
  const { flags, rest } = leadingFlags(ins.args);
  let words: string[];
  const t = rest.trim();
  if (t.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(t);
      words = Array.isArray(parsed) ? parsed.map(String) : [];
    } catch {
      words = [];
    }
  } else words = t.split(/\s+/).filter(Boolean);
  if (words.length < 2) return undefined;
  const sources = words.slice(0, -1).filter((s) => !/^[a-z]+:\/\//i.test(s));
  const rawDest = words[words.length - 1];
  const destDir = rawDest.endsWith('/') || rawDest === '.' || sources.length > 1 || sources.some(isGlob);
  const dest = workdir === undefined || rawDest.includes('$') ? undefined : resolveIn(workdir, rawDest);
  return { sources, dest, destDir, fromOther: flags.some((f) => /^--from=/.test(f)) };
}

type Verdict = { ok: true } | { ok: false; why?: string };

interface Reach {
  project: Project;
  /** Candidate build contexts, relative to the project root. */
  contexts: string[];
  copies: Copy[];
  cwd: string | undefined;
}

/** Whether the copies made so far put a lockfile in `cwd`. */
function lockReaches({ project, contexts, copies, cwd }: Reach): Verdict {
  let why: string | undefined;
  for (const c of copies) {
    for (const raw of c.sources) {
      const s = normalize(raw.replace(/^\/+/, ''));
      const name = basename(s);
      const parent = dirname(s) === '/' ? '' : dirname(s);
      if (raw.includes('$') || c.fromOther) {
        if (c.fromOther ? LOCKS.some((l) => globMatches(name, l)) || !name.includes('.') : true) return { ok: true };
        continue;
      }
      const fileLands = (lock: string) =>
        c.dest === undefined || cwd === undefined || (c.destDir ? c.dest === cwd : c.dest === cwd || dirname(c.dest) === cwd || c.dest === `${cwd}/${lock}`);
      if (LOCKS.includes(name)) {
        if (fileLands(name)) return { ok: true };
        continue;
      }
      if (isGlob(name)) {
        const matched = LOCKS.filter((l) => globMatches(name, l));
        if (matched.length === 0 || !matched.some(fileLands)) continue;
        if (contexts.some((ctx) => matched.some((l) => project.exists(join(ctx, parent, l))))) return { ok: true };
        if (contexts.some((ctx) => project.exists(join(ctx, parent, 'package.json')))) why = `COPY ${raw} copies no lockfile because the repository has no package-lock.json next to ${join(parent, 'package.json')}`;
        else return { ok: true };
        continue;
      }
      // A folder (`.`, `app/`): the lockfile comes along if it is where npm runs. Names with a dot are files.
      if (s !== '' && (name.includes('.') || contexts.some((ctx) => project.exists(join(ctx, s))))) continue;
      const sub = c.dest === undefined || cwd === undefined ? undefined : inside(c.dest, cwd);
      if (c.dest !== undefined && cwd !== undefined && sub === undefined) continue;
      if (sub === undefined) return { ok: true };
      if (contexts.some((ctx) => LOCKS.some((l) => project.exists(join(ctx, s, sub, l))))) return { ok: true };
      if (contexts.some((ctx) => project.exists(join(ctx, s, sub, 'package.json')))) why = `COPY ${raw} brings no lockfile because the repository has no package-lock.json next to ${join(s, sub, 'package.json')}`;
      else return { ok: true };
    }
  }
  return { ok: false, why };
}

/** A RUN --mount=type=bind of the lockfile (or of the whole context) provides it without a COPY. */
function bindsLock(flags: string[]): boolean {
  return flags.some((f) => {
    const m = /^--mount=(.*)$/.exec(f);
    if (!m || !/(^|,)type=bind(,|$)/.test(m[1])) return false;
    const source = /(?:^|,)(?:source|src)=([^,]*)/.exec(m[1])?.[1];
    return source === undefined || source === '.' || LOCKS.includes(basename(source));
  });
}

function checkStage(ctx: { project: Project; doc: Doc; contexts: string[]; chain: StageInfo[] }, report: (ins: Instruction, w: Word, why?: string) => void): void {
  let workdir: string | undefined = '/';
  const copies: Copy[] = [];
  let lockWritten = false;
  const last = ctx.chain[ctx.chain.length - 1];
  for (const info of ctx.chain) {
    for (const ins of info.stage.instructions) {
      if (ins.keyword === 'WORKDIR') workdir = workdir === undefined || ins.args.includes('$') ? undefined : resolveIn(workdir, ins.args.trim().replace(/^["']|["']$/g, ''));
      else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
        const c = parseCopy(ins, workdir);
        if (c) copies.push(c);
      } else if (ins.keyword === 'RUN') {
        const a = argsText(ctx.doc, ins);
        const { flags, rest } = leadingFlags(a.text);
        for (const call of npmCalls(rest, workdir)) {
          if (WRITES_LOCK.has(call.sub.text) && !/--no-package-lock|--package-lock=false/.test(ins.args)) lockWritten = true;
          if (!CI.has(call.sub.text) || info !== last || lockWritten || bindsLock(flags)) continue;
          const v = lockReaches({ project: ctx.project, contexts: ctx.contexts, copies, cwd: call.cwd });
          if (!v.ok) report(ins, call.sub, v.why);
        }
      }
    }
  }
}

export const df03NpmCiLockfile: Rule = {
  id: 'DF-03',
  title: 'npm ci without a lockfile',
  severity: 'error',
  files: ['dockerfile'],
  docs: {
    what: '`RUN npm ci` runs after a COPY that brings `package-lock.json` (or `npm-shrinkwrap.json`) into its folder: the file by name, a glob such as `package*.json`, or the whole folder (`COPY . .`), and the lockfile is committed next to `package.json` in the build context (the Dockerfile\'s folder or one above it). A `RUN --mount=type=bind` of the lockfile, or an earlier `npm install`, count too.',
    why: '`npm ci` installs exactly what the lockfile says and refuses to run without one, so `docker build` stops in the CodeBuild build phase. `COPY package*.json ./` does not fail when the lockfile is missing from the repository; it just copies package.json alone, and the error only appears at `npm ci`.',
    bad: [{ file: 'Dockerfile', text: 'FROM node:22-alpine\nWORKDIR /app\nCOPY package.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n' }],
    good: [{ file: 'Dockerfile', text: 'FROM node:22-alpine\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n' }],
  },
  check({ project, report }) {
    for (const { doc, df } of dockerfiles(project)) {
      const { infos } = analyseStages(project, doc, df);
      // The build context: the Dockerfile's folder, or a folder above it (`docker build -f app/Dockerfile .`).
      const contexts: string[] = [];
      for (let d = dirname(pathInProject(project, doc)); ; d = dirname(d)) {
        contexts.push(d === '/' ? '' : d);
        if (d === '' || d === '/') break;
      }
      for (const info of infos) {
        const chain: StageInfo[] = [];
        for (let cur: StageInfo | undefined = info; cur && !chain.includes(cur); cur = cur.parent ? infos[cur.parent.index] : undefined) chain.unshift(cur);
        checkStage({ project, doc, contexts, chain }, (ins, w, why) => {
          const a = argsText(doc, ins);
          const reason = why ?? 'no COPY before this RUN brings package-lock.json or npm-shrinkwrap.json into its folder';
          report({
            doc,
            range: rangeIn(doc, a, w),
            message: `npm ${w.text} needs a lockfile, but ${reason}, so npm fails and docker build stops; COPY package.json package-lock.json ./ before this RUN (commit the lockfile if it is missing), or use npm install`,
          });
        });
      }
    }
  },
};
