import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

interface Validator {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string }[] | null;
}

let validator: Validator | undefined;

/**
 * Validates a SARIF log against the official SARIF 2.1.0 schema (vendored,
 * see README.md) and returns the problems, empty when valid.
 */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(join(process.cwd(), 'test/e2e/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
    // Draft-04 spells the schema id `id`; Ajv 8 reads `$id` and has no draft-04 meta-schema. No constraint changes.
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const Ajv = require('ajv').default;
    const addFormats = require('ajv-formats').default;
    // unicodeRegExp: false because one pattern of the schema (`language`) is not valid under the `u` flag.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    validator = ajv.compile(schema) as Validator;
  }
  const ok = validator(log);
  return ok ? [] : (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
