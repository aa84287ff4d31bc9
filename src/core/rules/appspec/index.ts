import type { Rule } from '../rule.js';
import { as01Version } from './as01-version.js';
import { as02Structure } from './as02-structure.js';
import { as03ContainerPort } from './as03-container-port.js';
import { as04TaskDefinitionPlaceholder } from './as04-task-definition-placeholder.js';
import { as05NetworkConfiguration } from './as05-network-configuration.js';
import { as06PlatformVersion } from './as06-platform-version.js';
import { as07CapacityProviderStrategy } from './as07-capacity-provider-strategy.js';
import { as08Hooks } from './as08-hooks.js';

export const appspecRules: Rule[] = [
  as01Version,
  as02Structure,
  as03ContainerPort,
  as04TaskDefinitionPlaceholder,
  as05NetworkConfiguration,
  as06PlatformVersion,
  as07CapacityProviderStrategy,
  as08Hooks,
];
