import type { Rule } from '../rule.js';
import { bs01Structure } from './bs01-structure.js';
import { bs02Version } from './bs02-version.js';
import { bs03Phases } from './bs03-phases.js';
import { bs04Enumerations } from './bs04-enumerations.js';
import { bs05Env } from './bs05-env.js';
import { bs06ExportedVariables } from './bs06-exported-variables.js';
import { bs07RuntimeVersions } from './bs07-runtime-versions.js';
import { bs08DockerRuntime } from './bs08-docker-runtime.js';
import { bs09PrivilegedMode } from './bs09-privileged-mode.js';
import { bs10EcrGetLogin } from './bs10-ecr-get-login.js';
import { bs11PostBuildGuard } from './bs11-post-build-guard.js';
import { bs12UndefinedVariables } from './bs12-undefined-variables.js';
import { bs13ArtifactsReportsCache } from './bs13-artifacts-reports-cache.js';
import { bs14Batch } from './bs14-batch.js';

export const buildspecRules: Rule[] = [
  bs01Structure,
  bs02Version,
  bs03Phases,
  bs04Enumerations,
  bs05Env,
  bs06ExportedVariables,
  bs07RuntimeVersions,
  bs08DockerRuntime,
  bs09PrivilegedMode,
  bs10EcrGetLogin,
  bs11PostBuildGuard,
  bs12UndefinedVariables,
  bs13ArtifactsReportsCache,
  bs14Batch,
];
