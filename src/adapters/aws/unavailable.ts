import type { LiveUnavailable } from '../../services/ports.js';
import { errorText } from '../../core/error-text.js';
import { errorName, httpStatus } from './errors.js';

/**
 * An SDK error of a read of the live side, as a LiveUnavailable: access
 * denied names the action and resource to grant (the resource from AWS's own
 * message when it gives one), not found says what is missing.
 */

const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnauthorizedException', 'NotAuthorized']);
const NO_CREDENTIALS = new Set(['CredentialsProviderError', 'ProviderError']);
const BAD_CREDENTIALS = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'ExpiredTokenException', 'ExpiredToken', 'InvalidSignatureException']);

export interface ReadWhat {
  /** `the deployment group myapp-dg of myapp`. */
  what: string;
  /** `codedeploy:GetDeploymentGroup`. */
  action: string;
  /** The resource ARN to grant it on, when AWS's message does not say (may have `*` for the account). */
  resource: string;
  /** Error names that mean "it does not exist", with what to tell the user then. */
  missing?: Record<string, string>;
}

/** `arn:aws:sts::123456789012:assumed-role/…` in AWS's message gives the account the resource lives in. */
export function accountIn(message: string): string | undefined {
  return /arn:aws[a-z-]*:(?:sts|iam)::(\d{12}):/.exec(message)?.[1];
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The resource AWS names in an access-denied message (`… on resource: arn:… because …`). */
function resourceIn(message: string): string | undefined {
  const m = /\bon resource: (\S+?)(?=[\s,]|$)/.exec(message);
  return m ? m[1].replace(/[.;]+$/, '') : undefined;
}

export function unavailable(err: unknown, o: ReadWhat): LiveUnavailable {
  const name = errorName(err) ?? '';
  const message = errorText(err);
  if (DENIED.has(name) || (httpStatus(err) === 403 && !BAD_CREDENTIALS.has(name))) {
    const account = accountIn(message);
    const resource = resourceIn(message) ?? (account ? o.resource.replace(':*:', `:${account}:`) : o.resource);
    return { ok: false, reason: 'denied', message: `cannot read ${o.what}: grant ${o.action} on ${resource}` };
  }
  const missing = o.missing?.[name];
  if (missing !== undefined) return { ok: false, reason: 'missing', message: `cannot read ${o.what}: ${missing}` };
  if (NO_CREDENTIALS.has(name) || /credential/i.test(name)) {
    return { ok: false, reason: 'failed', message: `cannot read ${o.what}: no AWS credentials were found (configure them first, e.g. with aws-actions/configure-aws-credentials)` };
  }
  if (BAD_CREDENTIALS.has(name)) return { ok: false, reason: 'failed', message: `cannot read ${o.what}: AWS refused the credentials (${name}: ${message})` };
  return { ok: false, reason: 'failed', message: `cannot read ${o.what}: ${name ? `${name}: ` : ''}${message}` };
}
