import type { Rule } from '../rule.js';
import { dockerfiles } from './images.js';
import { argsText, leadingFlags, program, rangeIn, shellCommands } from './text.js';

/** Deprecated npm flags and what replaces them. */
function replacement(flag: string): string | undefined {
  if (/^--production(=true)?$/.test(flag)) return '--omit=dev';
  if (/^--only=prod(uction)?$/.test(flag)) return '--omit=dev';
  return undefined;
}

export const df04NpmProductionFlag: Rule = {
  id: 'DF-04',
  title: 'Deprecated npm --production flag',
  severity: 'notice',
  files: ['dockerfile'],
  docs: {
    what: 'An npm command in a RUN uses `--production` or `--only=prod` / `--only=production`.',
    why: 'Since npm 7 these flags are deprecated: npm prints `npm WARN config production Use --omit=dev instead.` on every build. The build still works today, but the flag may stop working in a future npm. `--omit=dev` does the same thing.',
    bad: [{ file: 'Dockerfile', text: 'FROM node:22-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --production\n' }],
    good: [{ file: 'Dockerfile', text: 'FROM node:22-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\n' }],
  },
  check({ project, report }) {
    for (const { doc, df } of dockerfiles(project)) {
      for (const ins of df.instructions) {
        if (ins.keyword !== 'RUN') continue;
        const a = argsText(doc, ins);
        for (const cmd of shellCommands(leadingFlags(a.text).rest).map(program)) {
          if (cmd[0]?.text.replace(/^.*\//, '') !== 'npm') continue;
          const sub = cmd.slice(1).find((w) => !w.text.startsWith('-'))?.text;
          for (const w of cmd.slice(1)) {
            const better = replacement(w.text);
            if (!better) continue;
            report({
              doc,
              range: rangeIn(doc, a, w),
              message: `${w.text} is deprecated since npm 7 (npm warns "Use --omit=dev instead"); write ${sub ? `npm ${sub} ${better}` : better}`,
            });
          }
        }
      }
    }
  },
};
