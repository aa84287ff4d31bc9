import { entries, str } from '../../config/node.js';
import { didYouMean } from '../../shapes/did-you-mean.js';
import type { Rule } from '../rule.js';
import { actionLabel, orList, pipelines, templated } from './util.js';

const ARTIFACT_KEY = /^(TaskDefinitionTemplateArtifact|AppSpecTemplateArtifact|Image[1-4]ArtifactName)$/;

/** PL-12: the artifacts a CodeDeployToECS action reads are among its inputs. */
export const pl12CodeDeployEcsInputs: Rule = {
  id: 'PL-12',
  title: 'CodeDeployToECS reads an artifact that is not its input',
  severity: 'error',
  files: ['pipeline'],
  docs: {
    what: '`TaskDefinitionTemplateArtifact`, `AppSpecTemplateArtifact` and every `Image<N>ArtifactName` of a CodeDeployToECS action name one of that action\'s `inputArtifacts`.',
    why: 'The action only sees the artifacts listed as its inputs. A name that is not among them (a typo, or an artifact of the pipeline that was not added to the list) fails the deployment before CodeDeploy is called.',
    bad: [
      {
        file: 'pipeline.json',
        text: '"configuration": {\n  …\n  "TaskDefinitionTemplateArtifact": "SourceOutput",\n  "AppSpecTemplateArtifact": "BuildOutput",\n  "Image1ArtifactName": "BuildOutput",\n  "Image1ContainerName": "IMAGE1_NAME"\n},\n"inputArtifacts": [{ "name": "BuildOutput" }]\n',
      },
    ],
    good: [
      {
        file: 'pipeline.json',
        text: '"configuration": {\n  …\n  "TaskDefinitionTemplateArtifact": "SourceOutput",\n  "AppSpecTemplateArtifact": "BuildOutput",\n  "Image1ArtifactName": "BuildOutput",\n  "Image1ContainerName": "IMAGE1_NAME"\n},\n"inputArtifacts": [{ "name": "BuildOutput" }, { "name": "SourceOutput" }]\n',
      },
    ],
  },
  check({ project, report }) {
    for (const p of pipelines(project)) {
      for (const a of p.actions) {
        if (a.provider !== 'CodeDeployToECS') continue;
        const inputs = a.inputs.filter((n) => n !== '');
        for (const e of entries(a.configurationNode)) {
          const name = str(e.value);
          if (!ARTIFACT_KEY.test(e.key) || name === undefined || name === '' || templated(name) || inputs.includes(name)) continue;
          const produced = p.actions.some((x) => x.outputs.includes(name));
          const hint = produced ? undefined : didYouMean(name, inputs);
          const fix = produced ? `add {"name": "${name}"} to its inputArtifacts` : hint ? `did you mean "${hint}"?` : inputs.length > 0 ? `use one of ${orList(inputs)}, or add "${name}" to inputArtifacts` : `add {"name": "${name}"} to its inputArtifacts`;
          report({ doc: p.doc, range: e.value.range, message: `${actionLabel(a)} (CodeDeployToECS): ${e.key} "${name}" is not one of the action's input artifacts; ${fix}` });
        }
      }
    }
  },
};
