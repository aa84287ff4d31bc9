import * as core from '@actions/core';
import { readInputs } from './inputs.js';

/**
 * The action: reads the inputs, runs the mode, and turns every failure into
 * a failed step with a message (never a stack trace).
 */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    if (inputs.mode !== 'check') {
      core.setFailed(`mode: ${inputs.mode} comes in a later release of ecs-codepipeline; use mode: check to check the pipeline's files.`);
      return;
    }
    // Loaded only for this mode, so that the other modes start fast; dist/check.js is a bundle of its own.
    const { runCheck } = await import(/* webpackIgnore: true */ './check.js');
    await runCheck(inputs, core);
  } catch (e) {
    core.setFailed(describe(e));
  }
}

function describe(e: unknown): string {
  // By name, not instanceof: dist/check.js is a bundle of its own, with its own copy of the class.
  if (e instanceof Error && e.name === 'InputError') return e.message;
  const message = e instanceof Error ? e.message : String(e);
  return `ecs-codepipeline failed: ${message}. If this looks like a bug, please report it with the files you checked.`;
}
