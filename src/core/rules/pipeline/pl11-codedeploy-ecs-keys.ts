import { entries, entry } from '../../config/node.js';
import type { PipelineAction } from '../../config/pipeline.js';
import { didYouMean } from '../../shapes/did-you-mean.js';
import type { Range } from '../../types.js';
import type { Rule } from '../rule.js';
import { actionLabel, andList, configurationRange, pipelines } from './util.js';

export const ECS_DEPLOY_REQUIRED = ['ApplicationName', 'DeploymentGroupName', 'TaskDefinitionTemplateArtifact', 'AppSpecTemplateArtifact'] as const;
const OPTIONAL = ['TaskDefinitionTemplatePath', 'AppSpecTemplatePath'];
const SLOTS = [1, 2, 3, 4];
const IMAGE_KEYS = SLOTS.flatMap((n) => [`Image${n}ArtifactName`, `Image${n}ContainerName`]);
export const ECS_DEPLOY_KEYS: readonly string[] = [...ECS_DEPLOY_REQUIRED, ...OPTIONAL, ...IMAGE_KEYS];

/** PL-11: the configuration keys of a CodeDeployToECS action. */
export const pl11CodeDeployEcsKeys: Rule = {
  id: 'PL-11',
  title: 'Invalid CodeDeployToECS configuration key',
  severity: 'error',
  files: ['pipeline'],
  docs: {
    what:
      'A CodeDeployToECS action has `ApplicationName`, `DeploymentGroupName`, `TaskDefinitionTemplateArtifact` and `AppSpecTemplateArtifact`. ' +
      'Its other keys are `TaskDefinitionTemplatePath`, `AppSpecTemplatePath` and up to four image slots, `Image1ArtifactName`/`Image1ContainerName` to `Image4…`, given in pairs. ' +
      'Any other key is reported with the closest valid name.',
    why:
      'The action rejects a configuration without its required keys, and a misspelt optional key is not used: `AppspecTemplatePath` leaves the default `appspec.yaml` in force, and an image slot without its pair never replaces the `<IMAGE1_NAME>` placeholder, ' +
      'so registration fails on the literal placeholder.',
    bad: [
      {
        file: 'pipeline.json',
        text: '"configuration": {\n  "ApplicationName": "myapp-ecs",\n  "DeploymentGroupName": "myapp-ecs-dg",\n  "TaskDefinitionTemplateArtifact": "BuildOutput",\n  "AppSpecTemplateArtifact": "BuildOutput",\n  "AppspecTemplatePath": "appspec.yml",\n  "Image1ArtifactName": "BuildOutput"\n}\n',
      },
    ],
    good: [
      {
        file: 'pipeline.json',
        text: '"configuration": {\n  "ApplicationName": "myapp-ecs",\n  "DeploymentGroupName": "myapp-ecs-dg",\n  "TaskDefinitionTemplateArtifact": "BuildOutput",\n  "AppSpecTemplateArtifact": "BuildOutput",\n  "AppSpecTemplatePath": "appspec.yml",\n  "Image1ArtifactName": "BuildOutput",\n  "Image1ContainerName": "IMAGE1_NAME"\n}\n',
      },
    ],
  },
  check({ project, report }) {
    for (const p of pipelines(project)) {
      for (const a of p.actions) {
        if (a.provider !== 'CodeDeployToECS') continue;
        checkAction(a, (range, message) => report({ doc: p.doc, range, message: `${actionLabel(a)} (CodeDeployToECS): ${message}` }));
      }
    }
  },
};

function checkAction(a: PipelineAction, say: (range: Range, message: string) => void): void {
  const config = a.configurationNode;
  if (config && config.type !== 'object') return;
  const list = entries(config);
  const suggested = new Set<string>();
  for (const e of list) {
    if (ECS_DEPLOY_KEYS.includes(e.key)) continue;
    const slot = /^Image(\d+)(ArtifactName|ContainerName)$/.exec(e.key);
    if (slot && !SLOTS.includes(Number(slot[1]))) {
      say(e.keyRange, `"${e.key}": the action has four image slots, Image1 to Image4; use a free one of those (or a second action for more images)`);
      continue;
    }
    const hint = didYouMean(e.key, ECS_DEPLOY_KEYS);
    if (hint) {
      suggested.add(hint);
      const required = (ECS_DEPLOY_REQUIRED as readonly string[]).includes(hint) ? ', which is required' : '';
      say(e.keyRange, `unknown configuration key "${e.key}"; did you mean "${hint}"${required}? (keys are case-sensitive)`);
    } else {
      say(e.keyRange, `unknown configuration key "${e.key}"; CodeDeployToECS takes ${andList([...ECS_DEPLOY_REQUIRED, ...OPTIONAL])} and Image1ArtifactName/Image1ContainerName to Image4…`);
    }
  }
  const absent = ECS_DEPLOY_REQUIRED.filter((k) => !entry(config, k) && !suggested.has(k));
  if (absent.length > 0) say(configurationRange(a), `configuration has no ${andList(absent)}; all of ${andList([...ECS_DEPLOY_REQUIRED])} are required`);
  for (const n of SLOTS) {
    const artifact = entry(config, `Image${n}ArtifactName`);
    const container = entry(config, `Image${n}ContainerName`);
    if (artifact && !container && !suggested.has(`Image${n}ContainerName`)) {
      say(artifact.keyRange, `Image${n}ArtifactName has no Image${n}ContainerName; add "Image${n}ContainerName": "IMAGE${n}_NAME", the placeholder text of "image": "<IMAGE${n}_NAME>" in the task definition, without the angle brackets`);
    }
    if (container && !artifact && !suggested.has(`Image${n}ArtifactName`)) {
      say(container.keyRange, `Image${n}ContainerName has no Image${n}ArtifactName; add "Image${n}ArtifactName" naming the input artifact that holds imageDetail.json`);
    }
  }
}
