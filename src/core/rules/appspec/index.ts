import type { Rule } from '../rule.js';

export const appspecRules: Rule[] = [];
