import { entries, entry, str, typeName } from '../../config/node.js';
import type { Entry, Range } from '../../types.js';
import type { Rule } from '../rule.js';
import { buildspecs, suggestion, unknownKeys } from './util.js';

const ENV_KEYS = ['shell', 'variables', 'parameter-store', 'exported-variables', 'secrets-manager', 'git-credential-helper'];
const MAPS = ['variables', 'parameter-store', 'secrets-manager'];

/**
 * What is wrong with a `secrets-manager` reference
 * `secret-id[:json-key[:version-stage[:version-id]]]`, where the secret id may
 * be an ARN with colons of its own.
 */
export function secretReferenceProblem(value: string): string | undefined {
  const v = value.trim();
  if (v === '') return 'the reference is empty; write the secret name or ARN, optionally followed by ":json-key"';
  const arn = /^arn:[^:]*:secretsmanager:[^:]*:[^:]*:secret:[^:]+/.exec(v);
  const rest = arn ? v.slice(arn[0].length) : v.slice(v.indexOf(':') < 0 ? v.length : v.indexOf(':'));
  const id = arn ? arn[0] : v.slice(0, v.length - rest.length);
  if (id === '') return 'the secret id before the first ":" is empty';
  const parts = rest === '' ? [] : rest.slice(1).split(':');
  if (parts.length > 3) return `it has ${parts.length + 1} ":"-separated parts; the form is secret-id:json-key:version-stage:version-id`;
  if (parts.length === 3 && parts[1] !== '' && parts[2] !== '') return 'it gives both a version stage and a version id; keep one of them (e.g. "MySecret:password:AWSCURRENT" or "MySecret:password::<version-id>")';
  return undefined;
}

/** BS-05: the `env` section: maps of scalar values, no `CODEBUILD_` names, valid Secrets Manager references. */
export const bs05Env: Rule = {
  id: 'BS-05',
  title: 'Invalid buildspec env section',
  severity: 'error',
  files: ['buildspec'],
  docs: {
    what:
      '`env.variables`, `env.parameter-store` and `env.secrets-manager` map names to single values; no name starts with `CODEBUILD_`; every Secrets Manager value has the form `secret-id[:json-key[:version-stage|:version-id]]`, with at most one of version stage and version id. `env` holds only the keys the reference lists.',
    why: 'The `CODEBUILD_` prefix is reserved for CodeBuild\'s own variables, and CodeBuild cannot start the build with a variable whose value is a list or map, or with a secret reference it cannot parse.',
    bad: [{ file: 'buildspec.yml', text: 'version: 0.2\nenv:\n  variables:\n    CODEBUILD_IMAGE_REPO: 123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp\n  secrets-manager:\n    DB_PASSWORD: myapp/db:password:AWSCURRENT:3f1c2d4e-5a6b-7c8d-9e0f-1a2b3c4d5e6f\n' }],
    good: [{ file: 'buildspec.yml', text: 'version: 0.2\nenv:\n  variables:\n    ECR_REPO: 123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp\n  secrets-manager:\n    DB_PASSWORD: myapp/db:password:AWSCURRENT\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of buildspecs(project)) {
      const envEntry = entry(root, 'env');
      if (!envEntry) continue;
      const say = (range: Range, message: string) => report({ doc, range, message });
      const env = envEntry.value;
      if (env.type !== 'object') {
        if (env.type !== 'null') say(env.range, `"env" is ${typeName(env)}; it is a map with "variables:", "parameter-store:" …`);
        continue;
      }
      for (const { entry: e, hint } of unknownKeys(env, ENV_KEYS)) say(e.keyRange, `"${e.key}" is not an env setting; ${suggestion(hint, `env holds ${ENV_KEYS.join(', ')}`)}`);
      for (const section of MAPS) {
        const s = entry(env, section);
        if (!s) continue;
        if (s.value.type !== 'object') {
          if (s.value.type !== 'null') say(s.value.range, `"env.${section}" is ${typeName(s.value)}; it maps each variable name to its ${section === 'variables' ? 'value' : 'reference'}, one "NAME: value" per line`);
          continue;
        }
        for (const v of entries(s.value)) checkVariable(v, section, say);
      }
    }
  },
};

function checkVariable(v: Entry, section: string, say: (range: Range, message: string) => void): void {
  if (v.key.startsWith('CODEBUILD_')) say(v.keyRange, `"${v.key}": names starting with CODEBUILD_ are reserved for CodeBuild; rename it, e.g. "${v.key.slice('CODEBUILD_'.length) || 'MY_VARIABLE'}"`);
  const value = v.value;
  if (value.type === 'object' || value.type === 'array') {
    say(value.range, `"${v.key}" is ${typeName(value)}; a variable holds one value (quote it to keep it as text)`);
    return;
  }
  if (value.type === 'null') {
    say(v.keyRange, `"${v.key}" has no value; write ${section === 'variables' ? '"" for an empty string' : 'the parameter name or secret reference'}`);
    return;
  }
  if (section === 'secrets-manager') {
    const text = str(value) ?? String(value.value);
    const problem = secretReferenceProblem(text);
    if (problem) say(value.range, `secret reference "${text}" for ${v.key}: ${problem}`);
  }
}
