import { child, entry, str } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { pipelines } from './util.js';

const NEEDS_V2 = ['QUEUED', 'PARALLEL'];

/** PL-13: QUEUED and PARALLEL execution modes exist only on V2 pipelines. */
export const pl13ExecutionMode: Rule = {
  id: 'PL-13',
  title: 'Execution mode needs a V2 pipeline',
  severity: 'warning',
  files: ['pipeline'],
  docs: {
    what: '`executionMode` `QUEUED` or `PARALLEL` goes with `"pipelineType": "V2"`. Without `pipelineType` a pipeline is V1, which only runs in `SUPERSEDED` mode.',
    why: 'CodePipeline documents both modes as available only on V2 pipelines. A V1 pipeline stays in SUPERSEDED mode, where a newer run can overtake one still waiting, so a deployment you expected to queue behind the current one may never run.',
    bad: [{ file: 'pipeline.json', text: '{\n  "pipeline": {\n    "name": "myapp-ecs-pipeline",\n    "executionMode": "QUEUED",\n    …\n  }\n}\n' }],
    good: [{ file: 'pipeline.json', text: '{\n  "pipeline": {\n    "name": "myapp-ecs-pipeline",\n    "pipelineType": "V2",\n    "executionMode": "QUEUED",\n    …\n  }\n}\n' }],
  },
  check({ project, report }) {
    for (const p of pipelines(project)) {
      const mode = child(p.pipeline, 'executionMode');
      const value = str(mode);
      if (!mode || value === undefined || !NEEDS_V2.includes(value)) continue;
      const type = entry(p.pipeline, 'pipelineType');
      const typeValue = str(type?.value);
      if (typeValue === 'V2') continue;
      if (type && typeValue !== undefined && typeValue !== 'V1') continue;
      if (type) report({ doc: p.doc, range: type.value.range, message: `executionMode ${value} requires pipelineType V2, but this pipeline is ${typeValue}; set "pipelineType": "V2" or use executionMode SUPERSEDED` });
      else report({ doc: p.doc, range: mode.range, message: `executionMode ${value} requires a V2 pipeline, and without "pipelineType" this one is V1; add "pipelineType": "V2" or use executionMode SUPERSEDED` });
    }
  },
};
