import type { Rule } from '../rule.js';
import { xf01ImagePlaceholders } from './xf01-image-placeholders.js';
import { xf02ContainerNameNotPlaceholder } from './xf02-container-name-not-placeholder.js';
import { xf03LoadBalancerContainer } from './xf03-load-balancer-container.js';
import { xf04PlatformVersionFeatures } from './xf04-platform-version-features.js';
import { xf05TemplatePath } from './xf05-template-path.js';
import { xf06TemplateArtifact } from './xf06-template-artifact.js';
import { xf07ArtifactFiles } from './xf07-artifact-files.js';
import { xf08ImageDetailSource } from './xf08-image-detail-source.js';
import { xf09DeployArtifactSize } from './xf09-deploy-artifact-size.js';
import { xf10SecondaryArtifacts } from './xf10-secondary-artifacts.js';
import { xf11ExportedVariables } from './xf11-exported-variables.js';
import { xf12PushedImage } from './xf12-pushed-image.js';
import { xf13CpuArchitecture } from './xf13-cpu-architecture.js';
import { xf14PortsAgree } from './xf14-ports-agree.js';

export const crossfileRules: Rule[] = [
  xf01ImagePlaceholders,
  xf02ContainerNameNotPlaceholder,
  xf03LoadBalancerContainer,
  xf04PlatformVersionFeatures,
  xf05TemplatePath,
  xf06TemplateArtifact,
  xf07ArtifactFiles,
  xf08ImageDetailSource,
  xf09DeployArtifactSize,
  xf10SecondaryArtifacts,
  xf11ExportedVariables,
  xf12PushedImage,
  xf13CpuArchitecture,
  xf14PortsAgree,
];
