import { pl01UnknownKeys } from './pipeline/pl01-unknown-keys.js';
import { pl08ValueTypes } from './pipeline/pl08-value-types.js';
import type { Rule } from './rule.js';
import { td02UnknownKeys } from './taskdef/td02-unknown-keys.js';
import { td03TypesEnums } from './taskdef/td03-types-enums.js';

/** The rules built on the AWS model shapes (src/core/shapes), for the taskdef and pipeline registries. */
export const taskdefShapeRules: Rule[] = [td02UnknownKeys, td03TypesEnums];
export const pipelineShapeRules: Rule[] = [pl01UnknownKeys, pl08ValueTypes];
