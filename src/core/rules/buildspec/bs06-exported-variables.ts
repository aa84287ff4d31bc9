import { entry, items, str, typeName } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { environmentOf, isBuiltIn } from './env.js';
import { scanCommands } from './scan.js';
import { buildspecs } from './util.js';

/** BS-06: `env.exported-variables` that CodeBuild can export. */
export const bs06ExportedVariables: Rule = {
  id: 'BS-06',
  title: 'Exported variable cannot be exported',
  severity: 'warning',
  files: ['buildspec', 'pipeline', 'codebuild-project'],
  docs: {
    what:
      'Each name under `env.exported-variables` is set during the build (in `env.variables`, by a command, by the project or by CodeBuild), does not start with `AWS_`, and is not a Parameter Store or Secrets Manager variable of the CodeBuild project.',
    why:
      'CodeBuild exports the value a variable has at the end of `post_build`, so that the pipeline can use it as `#{BuildVariables.IMAGE_TAG}`. Names starting with `AWS_` and project-level secrets are never exported, and a name nothing sets exports an empty value: the deploy stage then resolves `#{BuildVariables.IMAGE_TAG}` to nothing.',
    bad: [{ file: 'buildspec.yml', text: 'version: 0.2\nenv:\n  exported-variables:\n    - IMAGE_TAG\n    - AWS_ACCOUNT_ID\nphases:\n  build:\n    commands:\n      - TAG=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c 1-7)\n      - docker build -t myapp:$TAG .\n' }],
    good: [{ file: 'buildspec.yml', text: 'version: 0.2\nenv:\n  exported-variables:\n    - IMAGE_TAG\nphases:\n  build:\n    commands:\n      - IMAGE_TAG=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c 1-7)\n      - docker build -t myapp:$IMAGE_TAG .\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of buildspecs(project)) {
      const list = entry(entry(root, 'env')?.value, 'exported-variables');
      if (!list) continue;
      if (list.value.type !== 'array') {
        if (list.value.type !== 'null') report({ doc, range: list.value.range, message: `"exported-variables" is ${typeName(list.value)}; it is a list of variable names, one "- NAME" per line` });
        continue;
      }
      const env = environmentOf(project, doc, root);
      const scanned = scanCommands(root);
      const assigned = new Set(scanned.flatMap((c) => [...c.defs.names]));
      const opaque = scanned.some((c) => c.defs.opaque);
      for (const item of items(list.value)) {
        const name = str(item)?.trim();
        if (name === undefined || name === '') continue;
        if (name.startsWith('AWS_')) {
          report({ doc, range: item.range, message: `${name} cannot be exported: CodeBuild never exports names starting with AWS_; copy it to another name (e.g. "ACCOUNT_ID=$${name}") and export that` });
        } else if (env.secrets.has(name)) {
          report({ doc, range: item.range, message: `${name} is a Parameter Store or Secrets Manager variable of the CodeBuild project, which CodeBuild does not export; export a non-secret value instead, or read the secret where it is needed` });
        } else if (!env.names.has(name) && !assigned.has(name) && !isBuiltIn(name) && !opaque) {
          report({
            doc,
            range: item.range,
            severity: env.complete ? 'warning' : 'notice',
            message: `nothing in this buildspec sets ${name}, so it is exported empty${env.complete ? '' : ' unless the CodeBuild project defines it'}; set it in a command (e.g. "${name}=…") or under env.variables`,
          });
        }
      }
    }
  },
};
