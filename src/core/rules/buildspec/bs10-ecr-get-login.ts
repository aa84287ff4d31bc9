import type { Rule } from '../rule.js';
import { ECR_GET_LOGIN } from './patterns.js';
import { scanCommands } from './scan.js';
import { buildspecs, commandRange } from './util.js';

/** BS-10: `aws ecr get-login`, which AWS CLI v2 no longer has. */
export const bs10EcrGetLogin: Rule = {
  id: 'BS-10',
  title: 'aws ecr get-login was removed',
  severity: 'error',
  files: ['buildspec'],
  docs: {
    what: 'The buildspec logs in to Amazon ECR with `aws ecr get-login-password`, not with `aws ecr get-login` (often written `$(aws ecr get-login --no-include-email)`).',
    why:
      'AWS CLI version 2, which every current CodeBuild image ships, removed `get-login`: the command fails with `aws: error: argument operation: Invalid choice`, the login never happens and the later `docker push` is denied.',
    bad: [{ file: 'buildspec.yml', text: 'version: 0.2\nphases:\n  pre_build:\n    commands:\n      - $(aws ecr get-login --no-include-email --region us-east-1)\n' }],
    good: [
      {
        file: 'buildspec.yml',
        text: 'version: 0.2\nphases:\n  pre_build:\n    commands:\n      - aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com\n',
      },
    ],
  },
  check({ project, report }) {
    for (const { doc, root } of buildspecs(project)) {
      for (const c of scanCommands(root)) {
        ECR_GET_LOGIN.lastIndex = 0;
        for (const m of c.code.matchAll(ECR_GET_LOGIN)) {
          const at = m.index! + m[0].lastIndexOf('get-login');
          report({
            doc,
            range: commandRange(doc, c.command, at, at + 'get-login'.length),
            message:
              '"aws ecr get-login" does not exist in AWS CLI v2 ("Invalid choice"), so this login fails; use "aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin <account>.dkr.ecr.<region>.amazonaws.com"',
          });
        }
      }
    }
  },
};
