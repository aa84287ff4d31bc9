import type { Rule } from '../rule.js';

export const crossfileRules: Rule[] = [];
