import type { Rule } from '../rule.js';

export const taskdefRules: Rule[] = [];
