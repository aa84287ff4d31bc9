import type { Probot } from 'probot';
import { runConfigCheck } from '../config-check.js';
import type { AppOptions } from '../options.js';
import { checkInput } from './common.js';

/** Every pushed commit (`requested`) and "Re-run all checks" (`rerequested`). */
export function checkSuiteHandlers(app: Probot, o: AppOptions): void {
  app.on('check_suite.requested', async (context) => {
    await runConfigCheck({ ...checkInput(context, o), headSha: context.payload.check_suite.head_sha, trigger: { kind: 'commit' } });
  });
  app.on('check_suite.rerequested', async (context) => {
    const suite = context.payload.check_suite;
    await runConfigCheck({ ...checkInput(context, o), headSha: suite.head_sha, trigger: { kind: 'resuite', requestedAt: suite.updated_at } });
  });
}
