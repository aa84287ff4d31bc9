import { child, entries, entry, str } from '../../config/node.js';
import type { Node, Range } from '../../types.js';
import type { Rule } from '../rule.js';
import { actionLabel, andList, pipelineRange, pipelines, templated } from './util.js';

// ArtifactStoreLocation in the CodePipeline API model.
const BUCKET = /^[a-zA-Z0-9.-]+$/;

/** PL-04: one artifact store, or one per Region for a cross-Region pipeline. */
export const pl04ArtifactStore: Rule = {
  id: 'PL-04',
  title: 'Artifact store missing or not covering every Region',
  severity: 'error',
  files: ['pipeline'],
  docs: {
    what:
      'The pipeline has exactly one of `artifactStore` (one S3 bucket) or `artifactStores` (a bucket per Region, keyed by Region). ' +
      'When its actions run in more than one Region, it uses `artifactStores`, with an entry for every Region an action names. Each store has `type` `S3` and a `location`, a bucket name of 3 to 63 characters.',
    why:
      'CodePipeline refuses a pipeline with both or neither, and a cross-Region action cannot receive artifacts without a bucket in its Region. ' +
      'A pipeline exported with `get-pipeline` has `"region"` on every action; that is fine with one `artifactStore` as long as all of them name the same Region.',
    bad: [
      {
        file: 'pipeline.json',
        text: '"artifactStore": { "type": "S3", "location": "myapp-pipeline-artifacts" },\n…\n{ "name": "DeployEU", "region": "eu-west-1", … },\n{ "name": "DeployUS", "region": "us-east-1", … }\n',
      },
    ],
    good: [
      {
        file: 'pipeline.json',
        text: '"artifactStores": {\n  "us-east-1": { "type": "S3", "location": "myapp-pipeline-artifacts-us-east-1" },\n  "eu-west-1": { "type": "S3", "location": "myapp-pipeline-artifacts-eu-west-1" }\n}\n',
      },
    ],
  },
  check({ project, report }) {
    for (const p of pipelines(project)) {
      const say = (range: Range, message: string) => report({ doc: p.doc, range, message });
      const single = entry(p.pipeline, 'artifactStore');
      const multi = entry(p.pipeline, 'artifactStores');
      if (single && multi) say(multi.keyRange, 'the pipeline has both "artifactStore" and "artifactStores"; keep only one: "artifactStore" for a single Region, "artifactStores" for a cross-Region pipeline');
      else if (!single && !multi) say(pipelineRange(p), 'the pipeline has no "artifactStore"; add one, e.g. "artifactStore": {"type": "S3", "location": "myapp-pipeline-artifacts"}');

      const regions = new Map<string, Node>();
      for (const a of p.actions) {
        const node = child(a.node, 'region');
        const region = str(node);
        if (node && region && !templated(region) && !regions.has(region)) regions.set(region, node);
      }
      if (single && !multi && regions.size > 1) {
        say(single.keyRange, `actions run in ${andList([...regions.keys()])}, but "artifactStore" holds one bucket; a cross-Region pipeline needs "artifactStores" with a bucket for each Region`);
      }
      if (multi?.value.type === 'object') {
        const covered = new Set(entries(multi.value).map((e) => e.key));
        for (const a of p.actions) {
          const node = child(a.node, 'region');
          const region = str(node);
          if (node && region && !templated(region) && !covered.has(region)) {
            say(node.range, `${actionLabel(a)} runs in ${region}, but "artifactStores" has no bucket for ${region}; add "${region}": {"type": "S3", "location": "<bucket in ${region}>"}`);
          }
        }
        for (const e of entries(multi.value)) checkStore(e.value, `artifactStores "${e.key}"`, e.keyRange, say);
      }
      if (single) checkStore(single.value, 'artifactStore', single.keyRange, say);
    }
  },
};

function checkStore(store: Node, what: string, keyRange: Range, say: (range: Range, message: string) => void): void {
  if (store.type !== 'object') return;
  for (const key of ['type', 'location']) {
    if (!entry(store, key)) say(keyRange, `${what} has no "${key}"; a store is {"type": "S3", "location": "<bucket name>"}`);
  }
  const location = child(store, 'location');
  const bucket = str(location);
  if (!location || bucket === undefined || templated(bucket)) return;
  if (bucket.length < 3 || bucket.length > 63 || !BUCKET.test(bucket)) {
    say(location.range, `${what}: "${bucket}" is not an S3 bucket name; give the bucket's name only (3 to 63 letters, digits, dots and hyphens), not an ARN, URL or path`);
  }
}
