import type { Rule } from '../rule.js';

export const buildspecRules: Rule[] = [];
