import { APPSPEC_PATH, IMAGE_PLACEHOLDER, TASKDEF_PATH } from './taskdef.js';
import { namesOf, type ScaffoldOptions } from './options.js';

const SOURCE = 'SourceOutput';
const BUILD = 'BuildOutput';

function deployAction(o: ScaffoldOptions, name: string, deploymentGroup: string) {
  const n = namesOf(o);
  return {
    name,
    actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CodeDeployToECS', version: '1' },
    configuration: {
      ApplicationName: n.application,
      DeploymentGroupName: deploymentGroup,
      TaskDefinitionTemplateArtifact: BUILD,
      TaskDefinitionTemplatePath: TASKDEF_PATH,
      AppSpecTemplateArtifact: BUILD,
      AppSpecTemplatePath: APPSPEC_PATH,
      Image1ArtifactName: BUILD,
      Image1ContainerName: IMAGE_PLACEHOLDER,
    },
    inputArtifacts: [{ name: BUILD }],
  };
}

/** `aws codepipeline create-pipeline --cli-input-json file://pipeline.json`. */
export function pipelineObject(o: ScaffoldOptions) {
  const n = namesOf(o);
  const stages: object[] = [
    {
      name: 'Source',
      actions: [
        {
          name: 'GitHub',
          actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' },
          configuration: { ConnectionArn: n.connectionArn, FullRepositoryId: o.repo, BranchName: o.branch },
          outputArtifacts: [{ name: SOURCE }],
        },
      ],
    },
    {
      name: 'Build',
      actions: [
        {
          name: 'BuildImage',
          actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
          configuration: { ProjectName: n.buildProject },
          inputArtifacts: [{ name: SOURCE }],
          outputArtifacts: [{ name: BUILD }],
          // The ecs-codepipeline action reads IMAGE_URI and IMAGE_TAG from this namespace.
          namespace: 'BuildVariables',
        },
      ],
    },
  ];
  if (o.staging) stages.push({ name: 'Deploy-Staging', actions: [deployAction(o, 'ECS-BlueGreen-Staging', n.stagingDeploymentGroup)] });
  if (o.approval) {
    stages.push({
      name: 'Approval',
      actions: [
        {
          name: 'Approve',
          actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' },
          configuration: { CustomData: `Deploy image #{BuildVariables.IMAGE_TAG} of ${o.name} to production?` },
        },
      ],
    });
  }
  stages.push({ name: 'Deploy', actions: [deployAction(o, 'ECS-BlueGreen', n.deploymentGroup)] });
  return {
    pipeline: {
      name: n.pipeline,
      pipelineType: 'V2',
      executionMode: 'QUEUED',
      roleArn: n.roleArn(n.roles.codepipeline),
      artifactStore: { type: 'S3', location: n.bucket },
      stages,
    },
  };
}

export function pipelineJson(o: ScaffoldOptions): string {
  return JSON.stringify(pipelineObject(o), null, 2) + '\n';
}
