import { errorText } from '../core/error-text.js';

/**
 * Loads, in the background of a long-running server's start, the modules the
 * first push would otherwise load inside its webhook's time: the tracking
 * service and the AWS SDK clients (several hundred milliseconds of compiling).
 * A Lambda handler does not call it: there a cold start pays only for what
 * its one event needs.
 */
export async function warmUp(log: { debug(m: string): void }): Promise<void> {
  const started = Date.now();
  try {
    await Promise.all([
      import('../services/track/index.js'),
      import('../adapters/aws/index.js'),
      import('@aws-sdk/client-codepipeline'),
      import('@aws-sdk/client-ecr'),
      import('@aws-sdk/client-codebuild'),
      import('@aws-sdk/client-cloudwatch-logs'),
      import('@aws-sdk/client-s3'),
    ]);
    log.debug(`Tracking modules loaded in ${Date.now() - started} ms`);
  } catch (e) {
    // Nothing is lost: the first tracker loads them again and reports its own failure.
    log.debug(`Loading the tracking modules ahead failed: ${errorText(e)}`);
  }
}
