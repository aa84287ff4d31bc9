import type { Rule } from '../rule.js';

export const imagedetailRules: Rule[] = [];
