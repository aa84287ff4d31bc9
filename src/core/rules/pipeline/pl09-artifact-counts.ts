import { entry, items } from '../../config/node.js';
import type { PipelineAction } from '../../config/pipeline.js';
import type { Range } from '../../types.js';
import type { Rule } from '../rule.js';
import { actionLabel, actionRange, pipelines } from './util.js';

interface Counts {
  inputs: [number, number];
  outputs: [number, number];
}

// From each provider's page of the CodePipeline action reference ("Input artifacts", "Output artifacts").
const COUNTS: Record<string, Counts> = {
  'Deploy/CodeDeployToECS': { inputs: [1, 5], outputs: [0, 0] },
  'Deploy/ECS': { inputs: [1, 1], outputs: [0, 0] },
  'Build/CodeBuild': { inputs: [1, 5], outputs: [0, 5] },
  'Test/CodeBuild': { inputs: [1, 5], outputs: [0, 5] },
  'Source/S3': { inputs: [0, 0], outputs: [1, 1] },
  'Source/CodeCommit': { inputs: [0, 0], outputs: [1, 1] },
  'Source/ECR': { inputs: [0, 0], outputs: [1, 1] },
  'Source/CodeStarSourceConnection': { inputs: [0, 0], outputs: [1, 1] },
  'Source/GitHub': { inputs: [0, 0], outputs: [1, 1] },
  'Approval/Manual': { inputs: [0, 0], outputs: [0, 0] },
};

/** PL-09: how many input and output artifacts each provider takes. */
export const pl09ArtifactCounts: Rule = {
  id: 'PL-09',
  title: 'Wrong number of input or output artifacts',
  severity: 'error',
  files: ['pipeline'],
  docs: {
    what:
      'Each action declares as many artifacts as its provider takes. CodeDeployToECS: 1 to 5 inputs and no outputs. ECS (standard deploy): exactly 1 input, no outputs. CodeBuild: 1 to 5 inputs, 0 to 5 outputs. ' +
      'S3, CodeCommit, ECR, CodeStarSourceConnection and GitHub sources: no inputs, exactly 1 output. Manual approval: none of either.',
    why: 'CodePipeline rejects an action whose artifact counts are outside the range of its action type, so the pipeline cannot be created. A CodeDeployToECS action with an output artifact is a common copy-and-paste slip from a build action.',
    bad: [
      {
        file: 'pipeline.json',
        text: '{\n  "name": "ECS-BlueGreen",\n  "actionTypeId": { "category": "Deploy", "owner": "AWS", "provider": "CodeDeployToECS", "version": "1" },\n  "inputArtifacts": [{ "name": "BuildOutput" }],\n  "outputArtifacts": [{ "name": "DeployOutput" }]\n}\n',
      },
    ],
    good: [
      {
        file: 'pipeline.json',
        text: '{\n  "name": "ECS-BlueGreen",\n  "actionTypeId": { "category": "Deploy", "owner": "AWS", "provider": "CodeDeployToECS", "version": "1" },\n  "inputArtifacts": [{ "name": "BuildOutput" }]\n}\n',
      },
    ],
  },
  check({ project, report }) {
    for (const p of pipelines(project)) {
      for (const a of p.actions) {
        const counts = a.owner === 'AWS' || (a.owner === 'ThirdParty' && a.provider === 'GitHub') ? COUNTS[`${a.category}/${a.provider}`] : undefined;
        if (!counts) continue;
        for (const [key, range] of [['inputArtifacts', counts.inputs], ['outputArtifacts', counts.outputs]] as const) {
          const problem = countProblem(a, key, range);
          if (problem) report({ doc: p.doc, range: problem.range, message: problem.message });
        }
      }
    }
  },
};

function countProblem(a: PipelineAction, key: 'inputArtifacts' | 'outputArtifacts', [min, max]: readonly [number, number]): { range: Range; message: string } | undefined {
  const e = entry(a.node, key);
  if (e && e.value.type !== 'array') return undefined;
  const list = items(e?.value);
  const n = list.length;
  if (n >= min && n <= max) return undefined;
  const kind = key === 'inputArtifacts' ? 'input' : 'output';
  const allowed = min === max ? `${min === 0 ? 'no' : `exactly ${min}`} ${kind} artifact${min === 1 ? '' : 's'}` : `${min} to ${max} ${kind} artifacts`;
  const head = `${actionLabel(a)} (${a.provider}) takes ${allowed}, but has ${n}`;
  if (n > max) {
    const fix = max === 0 ? `remove "${key}"` : `keep at most ${max}`;
    return { range: list[max]?.range ?? e!.keyRange, message: `${head}; ${fix}` };
  }
  const fix = kind === 'input' ? 'add the artifact it works on, e.g. "inputArtifacts": [{"name": "BuildOutput"}]' : 'add one, e.g. "outputArtifacts": [{"name": "SourceOutput"}]';
  return { range: e?.keyRange ?? actionRange(a), message: `${head}; ${fix}` };
}
