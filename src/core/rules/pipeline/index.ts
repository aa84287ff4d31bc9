import type { Rule } from '../rule.js';
import { pipelineShapeRules } from '../shape-rules.js';
import { pl02RequiredFields } from './pl02-required-fields.js';
import { pl03Names } from './pl03-names.js';
import { pl04ArtifactStore } from './pl04-artifact-store.js';
import { pl05StageStructure } from './pl05-stage-structure.js';
import { pl06UniqueNames } from './pl06-unique-names.js';
import { pl07InputArtifacts } from './pl07-input-artifacts.js';
import { pl09ArtifactCounts } from './pl09-artifact-counts.js';
import { pl10CodeBuildConfig } from './pl10-codebuild-config.js';
import { pl11CodeDeployEcsKeys } from './pl11-codedeploy-ecs-keys.js';
import { pl12CodeDeployEcsInputs } from './pl12-codedeploy-ecs-inputs.js';
import { pl13ExecutionMode } from './pl13-execution-mode.js';

// PL-01 and PL-08 are built on the AWS model shapes (shape-rules.ts); docs/rules.md lists the family in id order.
export const pipelineRules: Rule[] = [
  ...pipelineShapeRules,
  pl02RequiredFields,
  pl03Names,
  pl04ArtifactStore,
  pl05StageStructure,
  pl06UniqueNames,
  pl07InputArtifacts,
  pl09ArtifactCounts,
  pl10CodeBuildConfig,
  pl11CodeDeployEcsKeys,
  pl12CodeDeployEcsInputs,
  pl13ExecutionMode,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
