import type { Rule } from '../rule.js';

export const pipelineRules: Rule[] = [];
