import { didYouMean } from '../../shapes/did-you-mean.js';
import type { Rule } from '../rule.js';
import { awslogs, AWSLOGS_OPTIONS, taskdefExample } from './examples.js';
import { awslogsContainers, optionsRange } from './awslogs.js';
import { isFargate, label, taskDefs } from './util.js';

/** The options ECS documents for awslogs. */
const ECS_OPTIONS = ['awslogs-create-group', 'awslogs-datetime-format', 'awslogs-group', 'awslogs-multiline-pattern', 'awslogs-region', 'awslogs-stream-prefix', 'max-buffer-size', 'mode'];
/** Options of Docker's awslogs driver that ECS passes through; ECS lists only "some of" the options. */
const DOCKER_OPTIONS = ['awslogs-endpoint', 'awslogs-stream', 'awslogs-create-stream', 'awslogs-credentials-endpoint', 'awslogs-force-flush-interval-seconds', 'awslogs-max-buffer-size', 'awslogs-format', 'tag'];
const KNOWN = [...ECS_OPTIONS, ...DOCKER_OPTIONS];

export const td09AwslogsOptions: Rule = {
  id: 'TD-09',
  title: 'awslogs options',
  severity: 'error',
  files: ['taskdef'],
  docs: {
    what: 'A container that logs with `awslogs` sets `awslogs-group` and `awslogs-region`, and on Fargate also `awslogs-stream-prefix`. Option names are spelled as ECS documents them (`awslogs-create-group`, `awslogs-datetime-format`, `awslogs-group`, `awslogs-multiline-pattern`, `awslogs-region`, `awslogs-stream-prefix`, `max-buffer-size`, `mode`); a misspelled name such as `awslogs-stream-prefx` is reported.',
    why: 'Without a group or a Region the log driver has nowhere to write, and Fargate refuses awslogs without a stream prefix; an option name Docker does not know makes the container fail to start ("unknown log opt").',
    bad: [{ file: 'taskdef.json', text: taskdefExample({ container: [awslogs({ 'awslogs-group': '/ecs/myapp', 'awslogs-stream-prefx': 'ecs' })] }) }],
    good: [{ file: 'taskdef.json', text: taskdefExample({ container: [awslogs({ ...AWSLOGS_OPTIONS })] }) }],
  },
  check({ project, report }) {
    for (const { doc, root } of taskDefs(project)) {
      const fargate = isFargate(root);
      for (const l of awslogsContainers(root)) {
        const optionsNode = l.logConfiguration.entries!.find((e) => e.key === 'options')?.value;
        // An options value of the wrong type is TD-03's.
        if (optionsNode && optionsNode.type !== 'object' && optionsNode.type !== 'null') continue;
        const required = ['awslogs-group', 'awslogs-region', ...(fargate ? ['awslogs-stream-prefix'] : [])];
        const typos = new Set<string>();
        for (const e of l.options?.entries ?? []) {
          if (KNOWN.includes(e.key)) continue;
          const suggestion = didYouMean(e.key, KNOWN);
          if (suggestion === undefined && !e.key.startsWith('awslogs')) continue;
          if (suggestion) typos.add(suggestion);
          report({
            doc,
            range: e.keyRange,
            message: `awslogs has no option "${e.key}"${suggestion ? `; did you mean "${suggestion}"?` : `; use one of ${ECS_OPTIONS.map((o) => `"${o}"`).join(', ')}`}`,
          });
        }
        // A misspelled required option was just reported at its key; saying it is missing too would be the same finding twice.
        const missing = required.filter((o) => !l.values.has(o) && !typos.has(o));
        if (missing.length === 0) continue;
        const example = missing.map((o) => `"${o}": "${o === 'awslogs-group' ? '/ecs/myapp' : o === 'awslogs-region' ? 'us-east-1' : 'ecs'}"`).join(', ');
        const why = missing.includes('awslogs-stream-prefix') && missing.length === 1 ? 'Fargate requires a stream prefix for awslogs' : 'the awslogs driver needs a log group and a Region';
        report({ doc, range: optionsRange(l), message: `container ${label(l.container)} logs with awslogs but sets no ${missing.map((o) => `"${o}"`).join(', ').replace(/, ([^,]*)$/, ' or $1')}: ${why}; add ${example}` });
      }
    }
  },
};
