import { child, str } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { taskdefExample } from './examples.js';
import { containers, label, taskDefs } from './util.js';

/** What a tool replaces before registration: CodeDeployToECS `<P>` placeholders, shell/Terraform/Jinja variables. */
const SUBSTITUTED = /<[^<>]+>|\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|\{\{.*?\}\}|#\{[^}]*\}/g;
const ALLOWED = /[A-Za-z0-9\-_:./#@]/;
const MAX = 255;

function describe(c: string): string {
  if (c === ' ') return 'a space';
  if (c === '\t') return 'a tab';
  if (c === '\n' || c === '\r') return 'a line break';
  if (c === '<' || c === '>') return `an unmatched "${c}"`;
  return `"${c}"`;
}

export const td18ImageString: Rule = {
  id: 'TD-18',
  title: 'Image reference ECS accepts',
  severity: 'error',
  files: ['taskdef'],
  docs: {
    what: 'Every container `image` is a non-empty reference of at most 255 characters made of letters, digits and `- _ : . / # @`. `<PLACEHOLDER>` parts (which CodeDeployToECS replaces with the ImageURI of imageDetail.json) and shell or template variables are left out of the check, since they are replaced before registration; whether the pipeline really covers each placeholder is checked by XF-01. What is reported is what stays invalid after substitution: spaces, quotes, a `<` without its `>`, or a reference that is too long.',
    why: 'RegisterTaskDefinition rejects the task definition ("Container.image contains invalid characters"), so the deploy action fails before CodeDeploy starts.',
    bad: [{ file: 'taskdef.json', text: taskdefExample().replace('"<IMAGE1_NAME>"', '"<IMAGE1_NAME> "') }],
    good: [{ file: 'taskdef.json', text: taskdefExample() }],
  },
  check({ project, report }) {
    for (const { doc, root } of taskDefs(project)) {
      for (const c of containers(root)) {
        const node = child(c.node, 'image');
        const image = str(node);
        if (image === undefined) continue;
        const of = `container ${label(c)}`;
        if (image.trim() === '') {
          report({ doc, range: node!.range, message: `the image of ${of} is empty; set it to a reference such as "123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:1a2b3c4" or a placeholder such as "<IMAGE1_NAME>"` });
          continue;
        }
        const rest = image.replace(SUBSTITUTED, '');
        const bad = [...new Set([...rest].filter((ch) => !ALLOWED.test(ch)))];
        if (bad.length > 0) {
          const trimmed = image.trim();
          const onlyEdges = trimmed !== image && [...trimmed.replace(SUBSTITUTED, '')].every((ch) => ALLOWED.test(ch));
          const fix = onlyEdges ? `remove the whitespace: "${trimmed}"` : 'use only letters, digits and - _ : . / # @ (a placeholder is written <NAME>)';
          report({ doc, range: node!.range, message: `the image of ${of} contains ${bad.map(describe).join(', ')}, which ECS rejects even after placeholders are filled in; ${fix}` });
          continue;
        }
        if (rest.length > MAX) {
          report({ doc, range: node!.range, message: `the image of ${of} is ${rest.length} characters long; ECS accepts at most ${MAX}` });
        }
      }
    }
  },
};
