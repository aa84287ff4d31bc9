import type { Rule } from '../rule.js';
import { id01FileName } from './id01-file-name.js';
import { id02Content } from './id02-content.js';
import { id03ImageUri } from './id03-image-uri.js';

export const imagedetailRules: Rule[] = [id01FileName, id02Content, id03ImageUri];
