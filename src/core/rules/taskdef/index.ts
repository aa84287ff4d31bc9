import type { Rule } from '../rule.js';
import { td01Structure } from './td01-structure.js';
import { td02UnknownKeys } from './td02-unknown-keys.js';
import { td03TypesEnums } from './td03-types-enums.js';
import { td04FargateAwsvpc } from './td04-fargate-awsvpc.js';
import { td05FargateCpuMemory } from './td05-fargate-cpu-memory.js';
import { td06PortMappings } from './td06-port-mappings.js';
import { td07EssentialContainer } from './td07-essential-container.js';
import { td08FargateLogDriver } from './td08-fargate-log-driver.js';
import { td09AwslogsOptions } from './td09-awslogs-options.js';
import { td10AwslogsLogGroup } from './td10-awslogs-log-group.js';
import { td11ExecutionRole } from './td11-execution-role.js';
import { td12SecretReferences } from './td12-secret-references.js';
import { td13FargateParameters } from './td13-fargate-parameters.js';
import { td14AwsvpcParameters } from './td14-awsvpc-parameters.js';
import { td15HealthCheck } from './td15-health-check.js';
import { td16ContainerSizing } from './td16-container-sizing.js';
import { td17DependsOn } from './td17-depends-on.js';
import { td18ImageString } from './td18-image-string.js';
import { td19Limits } from './td19-limits.js';
import { td20SecurityHygiene } from './td20-security-hygiene.js';

export const taskdefRules: Rule[] = [
  td01Structure,
  td02UnknownKeys,
  td03TypesEnums,
  td04FargateAwsvpc,
  td05FargateCpuMemory,
  td06PortMappings,
  td07EssentialContainer,
  td08FargateLogDriver,
  td09AwslogsOptions,
  td10AwslogsLogGroup,
  td11ExecutionRole,
  td12SecretReferences,
  td13FargateParameters,
  td14AwsvpcParameters,
  td15HealthCheck,
  td16ContainerSizing,
  td17DependsOn,
  td18ImageString,
  td19Limits,
  td20SecurityHygiene,
];
