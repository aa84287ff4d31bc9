import { clientConfig, type AwsPortsOptions } from './config.js';
import { errorName } from './errors.js';

/**
 * A role assumed with STS AssumeRole, for one repository's pipeline: the
 * repository's config names the role, the operator's allow-list has already
 * accepted it (src/app/roles.ts). The STS client itself signs with the app's
 * own credentials (the SDK's default chain); the clients that use the role
 * get a provider that renews the temporary credentials before they expire.
 */

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export type CredentialsProvider = () => Promise<AwsCredentials>;

export interface AssumeRoleOptions extends Omit<AwsPortsOptions, 'credentials' | 'logger'> {
  roleArn: string;
  /** Shows in CloudTrail and can be matched by the role's trust policy (`sts:RoleSessionName`). */
  sessionName: string;
  /** The operator's ExternalId (ECS_CODEPIPELINE_ROLE_EXTERNAL_ID), when the trust policy asks for one. */
  externalId?: string;
  /** Default 3600 (the least every role allows is 900, the most its MaxSessionDuration). */
  durationSeconds?: number;
}

/** STS's own rule for session names: 2 to 64 of `[\w+=,.@-]`. */
const SESSION_MAX = 64;

/**
 * `ecs-codepipeline-<owner>-<repo>`, cut to 64 characters: CloudTrail tells
 * which repository acted, and a trust policy can allow one repository only
 * (`"StringLike": { "sts:RoleSessionName": "ecs-codepipeline-my-org-myapp" }`).
 */
export function roleSessionName(owner: string, repo: string): string {
  const name = `ecs-codepipeline-${owner}-${repo}`.replace(/[^\w+=,.@-]/g, '-');
  return name.slice(0, SESSION_MAX);
}

/** AssumeRole failed: the message names the role and STS's error, never a credential. */
export class AssumeRoleError extends Error {
  override name = 'AssumeRoleError';
  constructor(
    readonly roleArn: string,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Renew this long before the credentials expire (the SDK itself refreshes within 5 minutes of expiry). */
const RENEW_BEFORE_MS = 6 * 60_000;

function explain(o: AssumeRoleOptions, err: unknown): AssumeRoleError {
  const code = errorName(err);
  const detail = err instanceof Error ? err.message.split('\n')[0].slice(0, 300) : String(err);
  const hint =
    code === 'AccessDenied' || code === 'AccessDeniedException'
      ? ': the role\'s trust policy must allow the app\'s own role to call sts:AssumeRole (with this session name, and the external id if it asks for one); see docs/app.md'
      : '';
  return new AssumeRoleError(o.roleArn, code, `Could not assume ${o.roleArn}: ${code ?? 'error'}: ${detail}${hint}`);
}

/** A provider of the role's temporary credentials: one AssumeRole at a time, reused until shortly before expiry. */
export function assumeRoleProvider(o: AssumeRoleOptions, now: () => number = Date.now): CredentialsProvider {
  let cached: AwsCredentials | undefined;
  let pending: Promise<AwsCredentials> | undefined;
  const fetch = async (): Promise<AwsCredentials> => {
    const sts = await import('@aws-sdk/client-sts');
    // The STS client signs with the app's own credentials, never the role's.
    const client = new sts.STSClient(await clientConfig('sts', { ...o }));
    try {
      const res = await client.send(
        new sts.AssumeRoleCommand({
          RoleArn: o.roleArn,
          RoleSessionName: o.sessionName,
          DurationSeconds: o.durationSeconds ?? 3600,
          ...(o.externalId ? { ExternalId: o.externalId } : {}),
        }),
      );
      const c = res.Credentials;
      if (!c?.AccessKeyId || !c.SecretAccessKey) throw new AssumeRoleError(o.roleArn, undefined, `AssumeRole of ${o.roleArn} returned no credentials`);
      return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
    } catch (err) {
      throw err instanceof AssumeRoleError ? err : explain(o, err);
    } finally {
      client.destroy();
    }
  };
  return async () => {
    if (cached && (!cached.expiration || cached.expiration.getTime() - now() > RENEW_BEFORE_MS)) return cached;
    pending ??= fetch().then(
      (c) => {
        cached = c;
        pending = undefined;
        return c;
      },
      (err: unknown) => {
        pending = undefined;
        throw err;
      },
    );
    return pending;
  };
}

/** Providers by role, session, external id, region and endpoint: trackers and events of one repository share one session. */
const shared = new Map<string, CredentialsProvider>();
const SHARED_MAX = 500;

export function sharedAssumeRoleProvider(o: AssumeRoleOptions): CredentialsProvider {
  const key = JSON.stringify([o.roleArn, o.sessionName, o.externalId ?? '', o.region, o.endpoints?.sts ?? o.endpoints?.default ?? '', o.durationSeconds ?? 3600]);
  let p = shared.get(key);
  if (!p) {
    // Oldest first out: a provider is cheap to make again (one AssumeRole).
    if (shared.size >= SHARED_MAX) shared.delete(shared.keys().next().value as string);
    p = assumeRoleProvider(o);
    shared.set(key, p);
  }
  return p;
}
