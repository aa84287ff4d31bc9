import { appspecRules } from './appspec/index.js';
import { buildspecRules } from './buildspec/index.js';
import { configRules } from './config/index.js';
import { crossfileRules } from './crossfile/index.js';
import { dockerfileRules } from './dockerfile/index.js';
import { imagedetailRules } from './imagedetail/index.js';
import { pipelineRules } from './pipeline/index.js';
import type { Rule } from './rule.js';
import { taskdefRules } from './taskdef/index.js';

const FAMILIES = ['CFG', 'DF', 'BS', 'TD', 'AS', 'ID', 'PL', 'XF'];

function order(r: Rule): number {
  const [family, n] = r.id.split('-');
  return FAMILIES.indexOf(family) * 1000 + Number(n);
}

/** Every rule, in catalogue order (the order of docs/rules.md). */
export const rules: readonly Rule[] = [
  ...configRules,
  ...dockerfileRules,
  ...buildspecRules,
  ...taskdefRules,
  ...appspecRules,
  ...imagedetailRules,
  ...pipelineRules,
  ...crossfileRules,
].sort((a, b) => order(a) - order(b));

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}
