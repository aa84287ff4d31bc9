import type { Rule } from '../rule.js';
import { df01HealthcheckIgnored } from './df01-healthcheck-ignored.js';
import { df02HealthcheckBinary } from './df02-healthcheck-binary.js';
import { df03NpmCiLockfile } from './df03-npm-ci-lockfile.js';
import { df04NpmProductionFlag } from './df04-npm-production-flag.js';
import { df05EolRuntime } from './df05-eol-runtime.js';
import { df06DockerHubPull } from './df06-docker-hub-pull.js';
import { df07ImageHygiene } from './df07-image-hygiene.js';

export const dockerfileRules: Rule[] = [
  df01HealthcheckIgnored,
  df02HealthcheckBinary,
  df03NpmCiLockfile,
  df04NpmProductionFlag,
  df05EolRuntime,
  df06DockerHubPull,
  df07ImageHygiene,
];
