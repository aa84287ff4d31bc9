import type { CheckAnnotation, CheckConclusion, CheckRunModel } from '../core/pipeline/check-run.js';
import { toCheckRunAnnotation } from '../core/report/annotations.js';
import { countsText, plural } from '../core/report/counts.js';
import { DEFAULT_DOCS_URL } from '../core/report/links.js';
import { renderSummary } from '../core/report/summary.js';
import { ruleById } from '../core/rules/index.js';
import type { Finding, Severity } from '../core/types.js';
import { CONFIG_PATH, type ConfigProblem } from './config.js';

/**
 * What the `ECS config` check run says. Errors fail it; warnings alone make it
 * `neutral`: visible in the pull request, yet (as GitHub treats neutral as
 * passing) not blocking a merge that branch protection guards, because a
 * warning means "it would deploy, but not as intended" — the team decides.
 * Notices alone, or nothing, are a success.
 */
export function conclusionOf(counts: Record<Severity, number>): CheckConclusion {
  if (counts.error > 0) return 'failure';
  if (counts.warning > 0) return 'neutral';
  return 'success';
}

export interface FindingsRunInput {
  name: string;
  headSha: string;
  findings: Finding[];
  filesRead: number;
  paths: string[];
  notes: string[];
  /** `https://github.com/o/r/blob/<sha>`, so that summary rows link to the line. */
  blobUrl: string;
  docsUrl?: string;
  now: string;
}

export function findingsRun(i: FindingsRunInput): CheckRunModel {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of i.findings) counts[f.severity]++;
  const files = new Set(i.findings.map((f) => f.file)).size;
  const title = i.findings.length === 0 ? `No problems in ${plural(i.filesRead, 'file')}` : `${countsText(counts)} in ${plural(files, 'file')}`;
  const notes = i.notes.length ? `\n${i.notes.map((n) => `> ${n}`).join('\n>\n')}\n` : '';
  const summary = renderSummary(i.findings, { docsUrl: i.docsUrl ?? DEFAULT_DOCS_URL, blobUrl: i.blobUrl, checked: i.paths.join(', ') }) + notes;
  const annotations: CheckAnnotation[] = i.findings.map((f) => toCheckRunAnnotation(f, ruleById));
  return { name: i.name, headSha: i.headSha, status: 'completed', conclusion: conclusionOf(counts), startedAt: i.now, completedAt: i.now, output: { title, summary, annotations } };
}

/** A config that cannot be used: a failed run that lists each problem and where it is. */
export function configErrorRun(o: { name: string; headSha: string; problems: ConfigProblem[]; annotatedPath?: string; now: string }): CheckRunModel {
  // In file order; problems without a line (keys the commit's copy lacks) last.
  const problems = [...o.problems].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0));
  const rows = problems.map((p) => `- ${p.line !== undefined ? `line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}` : p.at ? `\`${p.at}\`` : 'the file'}: ${p.message}`);
  const summary = [
    `## ${CONFIG_PATH} cannot be used`,
    '',
    `The app reads this file from the default branch of the repository (or, when the repository has none, from the organisation's \`.github\` repository). Nothing else was checked until it is fixed:`,
    '',
    ...rows,
    '',
    'The keys and their values: [docs/app.md](https://github.com/ecs-codepipeline/ecs-codepipeline/blob/main/docs/app.md#configuration); editors complete them with [the JSON Schema](https://github.com/ecs-codepipeline/ecs-codepipeline/blob/main/docs/ecs-codepipeline.schema.json).',
    '',
  ].join('\n');
  const annotations: CheckAnnotation[] = o.annotatedPath
    ? problems.filter((p) => p.line !== undefined).map((p) => ({
      path: o.annotatedPath!,
      start_line: p.line!,
      end_line: p.line!,
      annotation_level: 'failure' as const,
      title: `Invalid ${CONFIG_PATH}`,
      message: p.message,
    }))
    : [];
  return {
    name: o.name,
    headSha: o.headSha,
    status: 'completed',
    conclusion: 'failure',
    startedAt: o.now,
    completedAt: o.now,
    output: { title: `${CONFIG_PATH}: ${plural(o.problems.length, 'problem')}`, summary, annotations },
  };
}

/** No config and no pipeline files: how to start (only when `onboarding` is on). */
export function onboardingRun(o: { name: string; headSha: string; now: string }): CheckRunModel {
  const summary = [
    '## No ECS pipeline files found',
    '',
    'This repository has no Dockerfile, buildspec, task definition, appspec, pipeline JSON or imageDetail.json in the checked paths, and no `.github/ecs-codepipeline.yml`.',
    '',
    '- To check files elsewhere, add `.github/ecs-codepipeline.yml` with `paths: [infra/ecs]`.',
    '- To silence this for repositories without pipelines, set `onboarding: false` (for a whole organisation: in its `.github` repository).',
    '',
    'Set-up: [docs/app.md](https://github.com/ecs-codepipeline/ecs-codepipeline/blob/main/docs/app.md).',
    '',
  ].join('\n');
  return { name: o.name, headSha: o.headSha, status: 'completed', conclusion: 'neutral', startedAt: o.now, completedAt: o.now, output: { title: 'No ECS pipeline files found', summary } };
}
