import * as core from '@actions/core';
import { errorText } from '../core/error-text.js';
import { readInputs, readPreviewInputs, readScaffoldInputs, readTrackInputs } from './inputs.js';

/**
 * The action: reads the inputs, runs the mode, and turns every failure into
 * a failed step with a message (never a stack trace).
 */
export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    if (inputs.mode === 'scaffold') {
      const scaffold = readScaffoldInputs();
      // dist/scaffold.js is a bundle of its own, loaded only in this mode.
      const { runScaffold } = await import(/* webpackIgnore: true */ './scaffold.js');
      await runScaffold(inputs, scaffold, core);
      return;
    }
    if (inputs.mode === 'preview') {
      const preview = readPreviewInputs();
      // In dist/track.js (the AWS SDK and Octokit), loaded only in the modes that reach AWS.
      const { runPreview } = await import(/* webpackIgnore: true */ './track.js');
      await runPreview(inputs, preview, { core });
      return;
    }
    const track = inputs.mode === 'check' ? undefined : readTrackInputs(inputs.mode);
    let ecrRepositories: string[] = [];
    if (inputs.mode === 'check' || track?.check) {
      // Loaded only when a check runs, so that the other modes start fast; dist/check.js is a bundle of its own.
      const { runCheck } = await import(/* webpackIgnore: true */ './check.js');
      const checked = await runCheck(inputs, core);
      if (inputs.mode === 'check') return;
      if (checked.failed) {
        core.error(`The pipeline's files have errors (see above), so ecs-codepipeline did not ${inputs.mode} the pipeline; fix them, or set check: false to ${inputs.mode} anyway.`);
        return;
      }
      ecrRepositories = checked.ecrRepositories;
    }
    if (inputs.mode === 'track' || inputs.mode === 'start') {
      // dist/track.js is a bundle of its own (the AWS SDK and Octokit), loaded only in these modes.
      const { runTrack } = await import(/* webpackIgnore: true */ './track.js');
      // The drift needs the repository's files: compared only when the check read them (the repository is checked out).
      await runTrack(inputs.mode, track!, { core, ecrRepositories, ...(track!.check ? { paths: inputs.paths } : {}) });
    }
  } catch (e) {
    core.setFailed(describe(e));
  }
}

const AWS_HINTS: Record<string, string> = {
  CredentialsProviderError: 'No AWS credentials were found: add aws-actions/configure-aws-credentials before this step (with `id-token: write` for OIDC)',
  AccessDeniedException: "The role may not make this call: give it the IAM policy in the README (one statement per API the tracker uses)",
  PipelineNotFoundException: "Check the 'pipeline-name' and 'aws-region' inputs",
  PipelineExecutionNotFoundException: 'The execution is gone from the pipeline history',
  UnrecognizedClientException: 'The AWS credentials are not valid in this region',
  ExpiredTokenException: 'The AWS session expired: raise role-duration-seconds in aws-actions/configure-aws-credentials, or lower timeout-minutes',
};

function describe(e: unknown): string {
  // By name, not instanceof: dist/check.js is a bundle of its own, with its own copy of the class.
  if (e instanceof Error && (e.name === 'InputError' || e.name === 'TrackError')) return e.message;
  const message = errorText(e);
  const name = e instanceof Error ? e.name : '';
  const status = e !== null && typeof e === 'object' ? (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode : undefined;
  if (status !== undefined || name in AWS_HINTS) return `AWS refused the tracker: ${name}: ${message}.${AWS_HINTS[name] ? ` ${AWS_HINTS[name]}.` : ''}`;
  if (e !== null && typeof e === 'object' && '$metadata' in e) return `Could not reach AWS: ${message}. Check the network, the proxy variables and any AWS_ENDPOINT_URL override.`;
  if (name === 'GitHubApiError') return `${message}.`;
  return `ecs-codepipeline failed: ${message}. If this looks like a bug, please report it with the files you checked.`;
}
