import { at, child, scalarText, str } from '../../config/node.js';
import type { Range } from '../../types.js';
import type { Rule } from '../rule.js';
import { environmentOf, isBuiltIn } from './env.js';
import { scanCommands } from './scan.js';
import { buildspecs, commandRange } from './util.js';

/** BS-12: `$VAR` in a command that nothing sets. */
export const bs12UndefinedVariables: Rule = {
  id: 'BS-12',
  title: 'Variable used but never set',
  severity: 'warning',
  files: ['buildspec', 'pipeline', 'codebuild-project'],
  docs: {
    what:
      'Every `$VAR` or `${VAR}` a command expands is set somewhere: by CodeBuild (`AWS_DEFAULT_REGION`, `CODEBUILD_RESOLVED_SOURCE_VERSION` …), in `env.variables`, `env.parameter-store` or `env.secrets-manager`, by an earlier command (`IMAGE_TAG=$(…)`, `export`, `read`, `for`), by the pipeline action\'s `EnvironmentVariables` or by the CodeBuild project. ' +
      '`${VAR:-default}` and tests such as `[ -z "$VAR" ]` handle an unset variable and are not reported; text in single quotes and quoted heredocs is not expanded. ' +
      'When the CodeBuild project JSON is not in the repository, the finding is a notice, because the project may define the variable.',
    why:
      'An unset variable expands to an empty string without any error: `$AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/myapp` becomes `.dkr.ecr.us-east-1.amazonaws.com/myapp`, so `docker push` fails or imageDetail.json points at an image that does not exist. ' +
      'Note that `AWS_ACCOUNT_ID` is not one of CodeBuild\'s variables.',
    bad: [
      {
        file: 'buildspec.yml',
        text: 'version: 0.2\nphases:\n  build:\n    commands:\n      - REPOSITORY_URI=$AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/myapp\n      - docker build -t $REPOSITORY_URI:$IMAGE_TAG .\n',
      },
    ],
    good: [
      {
        file: 'buildspec.yml',
        text: 'version: 0.2\nenv:\n  variables:\n    AWS_ACCOUNT_ID: "123456789012"\nphases:\n  build:\n    commands:\n      - REPOSITORY_URI=$AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/myapp\n      - IMAGE_TAG=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c 1-7)\n      - docker build -t $REPOSITORY_URI:$IMAGE_TAG .\n',
      },
    ],
  },
  check({ project, report }) {
    for (const { doc, root } of buildspecs(project)) {
      const scanned = scanCommands(root);
      // PowerShell and cmd.exe expand variables their own way ($env:NAME, %NAME%); this reader knows only sh.
      if (/^(?:powershell|pwsh|cmd)/i.test(str(at(root, 'env.shell'))?.trim() ?? '') || scanned.some((c) => /\$env:/i.test(c.command.text))) continue;
      const env = environmentOf(project, doc, root);
      // Under version 0.1 every command has a shell of its own: assignments do not carry over.
      const separateShells = scalarText(child(root, 'version'))?.trim() === '0.1';
      const firstSet = new Map<string, number>();
      scanned.forEach((c, i) => {
        for (const n of c.defs.names) if (!firstSet.has(n)) firstSet.set(n, i);
      });
      const firstOpaque = scanned.findIndex((c) => c.defs.opaque);
      const seen = new Set<string>();
      const unset: Array<{ name: string; range: Range }> = [];
      scanned.forEach((c, i) => {
        for (const use of c.uses) {
          const name = use.name;
          if (use.guarded || use.tested || seen.has(name) || env.names.has(name) || isBuiltIn(name) || c.defs.names.has(name)) continue;
          const setAt = firstSet.get(name);
          if ((!separateShells && setAt !== undefined && setAt < i) || (firstOpaque >= 0 && firstOpaque <= i)) continue;
          seen.add(name);
          const range = commandRange(doc, c.command, use.start, use.end);
          if (setAt === undefined) {
            unset.push({ name, range });
          } else if (separateShells) {
            report({ doc, range, message: `$${name} is set by another command, but under version 0.1 every command runs in a new shell, so it is empty here; use "version: 0.2" or set it under env.variables` });
          } else {
            const line = commandRange(doc, scanned[setAt].command, 0, 0).start.line;
            report({ doc, range, message: `$${name} is used before the command that sets it (line ${line}), so it expands to an empty string here; set it earlier` });
          }
        }
      });
      if (env.complete) {
        for (const u of unset) report({ doc, range: u.range, message: `nothing sets $${u.name}, so it expands to an empty string; ${howToSet(u.name)}` });
      } else if (unset.length > 0) {
        // Without the project's definition these may well be project variables: one reminder, not one per name.
        const [first, ...rest] = unset;
        const also = rest.length ? ` (also ${rest.map((u) => `$${u.name} on line ${u.range.start.line}`).join(', ')})` : '';
        report({
          doc,
          range: first.range,
          severity: 'notice',
          message: `nothing in this buildspec sets $${first.name}${also}; unless the CodeBuild project or the pipeline action defines ${rest.length ? 'them' : 'it'}, ${rest.length ? 'they expand' : 'it expands'} to an empty string; ${howToSet(first.name)}`,
        });
      }
    }
  },
};

function howToSet(name: string): string {
  const account = name === 'AWS_ACCOUNT_ID' ? ' (CodeBuild does not provide AWS_ACCOUNT_ID: e.g. AWS_ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text))' : '';
  return `set ${name} under env.variables or in an earlier command${account}`;
}
