import type { Rule } from '../../../src/core/rules/rule.js';
import type { Finding, Severity } from '../../../src/core/types.js';

/** A rule as the registry holds it, for renderers that read rule metadata. */
export function fakeRule(id: string, title: string, severity: Severity): Rule {
  return {
    id,
    title,
    severity,
    files: ['taskdef'],
    docs: {
      what: `What ${id} checks.`,
      why: `Why ${id} matters.`,
      bad: [{ file: 'taskdef.json', text: '{"cpu": "256", "memory": "4096"}\n' }],
      good: [{ file: 'taskdef.json', text: '{"cpu": "256", "memory": "512"}\n' }],
    },
    check() {},
  };
}

export const RULES: Rule[] = [
  fakeRule('TD-05', 'Fargate cpu/memory pair', 'error'),
  fakeRule('DF-01', 'Dockerfile HEALTHCHECK ignored by ECS', 'warning'),
  fakeRule('DF-04', 'Deprecated npm --production flag', 'notice'),
];

export const lookup = (id: string): Rule | undefined => RULES.find((r) => r.id === id);

export function finding(over: Partial<Finding> = {}): Finding {
  return {
    rule: 'TD-05',
    severity: 'error',
    file: 'app/buildspec.yml',
    line: 38,
    column: 21,
    endLine: 38,
    endColumn: 27,
    message: 'Fargate does not accept cpu 256 with memory 4096',
    ...over,
  };
}

/** Three findings in two files, sorted as the engine sorts them. */
export const SAMPLE: Finding[] = [
  finding({ rule: 'DF-04', severity: 'notice', file: 'app/Dockerfile', line: 8, column: 12, endLine: 8, endColumn: 24, message: 'write npm ci --omit=dev' }),
  finding({ rule: 'DF-01', severity: 'warning', file: 'app/Dockerfile', line: 14, column: 1, endLine: 14, endColumn: 91, message: 'ECS ignores HEALTHCHECK' }),
  finding(),
];
