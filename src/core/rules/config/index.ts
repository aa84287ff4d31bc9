import type { Rule } from '../rule.js';
import { duplicateKey } from './duplicate-key.js';
import { syntax } from './syntax.js';
import { unreadable } from './unreadable.js';

export const configRules: Rule[] = [syntax, duplicateKey, unreadable];
