import { appspecRules } from './appspec/index.js';
import { buildspecRules } from './buildspec/index.js';
import { configRules } from './config/index.js';
import { crossfileRules } from './crossfile/index.js';
import { dockerfileRules } from './dockerfile/index.js';
import { imagedetailRules } from './imagedetail/index.js';
import { pipelineRules } from './pipeline/index.js';
import type { Rule } from './rule.js';
import { taskdefRules } from './taskdef/index.js';

/** Every rule, in the order of docs/rules.md. */
export const rules: readonly Rule[] = [
  ...configRules,
  ...dockerfileRules,
  ...buildspecRules,
  ...taskdefRules,
  ...appspecRules,
  ...imagedetailRules,
  ...pipelineRules,
  ...crossfileRules,
];

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}
