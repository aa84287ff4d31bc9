import { entry, str } from '../../config/node.js';
import { docsOf } from '../../model.js';
import type { Node, Range } from '../../types.js';
import type { Rule } from '../rule.js';
import { IMAGE_DETAIL, printedImageDetails } from './util.js';

const FIX = 'write {"ImageURI": "123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:1a2b3c4"}';

/** ID-02: imageDetail.json is an object with a string ImageURI. */
export const id02Content: Rule = {
  id: 'ID-02',
  title: 'imageDetail.json has no ImageURI',
  severity: 'error',
  files: ['imagedetail', 'buildspec'],
  docs: {
    what:
      'imageDetail.json is a JSON object with a non-empty string `ImageURI` (the ECR source action adds other keys such as `ImageTags`; they are fine). ' +
      'It is not the `imagedefinitions.json` list `[{"name": …, "imageUri": …}]`. The JSON that a buildspec writes with `printf \'{"ImageURI":"%s"}\' …` or `echo` is checked the same way when its text is written out in the command.',
    why:
      'CodeDeployToECS reads `ImageURI` and puts it in place of the `<IMAGE1_NAME>` placeholder. A list, a different key (`imageUri`, `imageURI`) or a missing value fails the deployment with ' +
      '`Exception while trying to read the image artifact file from the artifact`.',
    bad: [{ file: 'imageDetail.json', text: '[\n  { "name": "myapp", "imageUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:1a2b3c4" }\n]\n' }],
    good: [{ file: 'imageDetail.json', text: '{ "ImageURI": "123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:1a2b3c4" }\n' }],
  },
  check({ project, report }) {
    for (const doc of docsOf(project, 'imagedetail')) {
      const root = doc.root!;
      const problem = contentProblem(root);
      if (problem) report({ doc, range: problem.range ?? headOf(root), message: problem.message });
    }
    for (const p of printedImageDetails(project)) {
      const problem = p.error !== undefined ? `as text that is not valid JSON (${p.error}); ${FIX}` : plainProblem(p.value);
      if (problem) report({ doc: p.write.doc, range: p.range, message: `the build writes ${IMAGE_DETAIL} ${problem}` });
    }
  },
};

/** The first line of the file rather than all of it. */
function headOf(root: Node): Range {
  return { start: root.range.start, end: root.range.start };
}

function contentProblem(root: Node): { range?: Range; message: string } | undefined {
  if (root.type === 'array') {
    const imagedefinitions = root.items!.some((i) => entry(i, 'imageUri') || entry(i, 'name'));
    return {
      message: imagedefinitions
        ? `this is the imagedefinitions.json format (a list of {"name", "imageUri"}) of the ECS standard deploy action; CodeDeployToECS reads one object: ${FIX}`
        : `imageDetail.json must be one JSON object, not a list; ${FIX}`,
    };
  }
  if (root.type !== 'object') return { message: `imageDetail.json must be a JSON object with ImageURI; ${FIX}` };
  const uri = entry(root, 'ImageURI');
  if (!uri) {
    const other = root.entries!.find((e) => e.key.toLowerCase() === 'imageuri');
    if (other) return { range: other.keyRange, message: `the key is "${other.key}", but CodeDeployToECS reads "ImageURI" (keys are case-sensitive): rename it` };
    return { message: `imageDetail.json has no "ImageURI"; ${FIX}` };
  }
  const value = str(uri.value);
  if (value === undefined) return { range: uri.value.range, message: `ImageURI must be a string holding the image URI, not ${uri.value.type === 'array' ? 'a list' : `a ${uri.value.type}`}; ${FIX}` };
  if (value.trim() === '') return { range: uri.value.range, message: 'ImageURI is empty; it must hold the URI of the image the build pushed, registry/repository:tag' };
  return undefined;
}

/** The same checks on JSON a command prints, as plain values. */
function plainProblem(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const defs = value.some((i) => typeof i === 'object' && i !== null && ('imageUri' in i || 'name' in i));
    return defs ? `in the imagedefinitions.json format (a list of {"name", "imageUri"}); CodeDeployToECS reads one object: use printf '{"ImageURI":"%s"}'` : 'as a list; it must be one JSON object with ImageURI';
  }
  if (typeof value !== 'object' || value === null) return `as ${JSON.stringify(value)}; it must be a JSON object with ImageURI: use printf '{"ImageURI":"%s"}'`;
  const keys = Object.keys(value);
  if (keys.includes('ImageURI')) return typeof (value as Record<string, unknown>).ImageURI === 'string' ? undefined : 'with an ImageURI that is not a string; quote it: printf \'{"ImageURI":"%s"}\'';
  const other = keys.find((k) => k.toLowerCase() === 'imageuri');
  return other ? `with the key "${other}", but CodeDeployToECS reads "ImageURI" (keys are case-sensitive)` : 'without an "ImageURI" key; use printf \'{"ImageURI":"%s"}\' "$REPOSITORY_URI:$IMAGE_TAG"';
}
