import { createHash, randomUUID } from 'node:crypto';
import type * as http from 'node:http';

/**
 * STS AssumeRole for the fake AWS server, on STS's own wire protocol (awsQuery:
 * a form-encoded POST with `Action=AssumeRole`, answered in XML). A role given
 * in `roles` may be assumed with the fake's base key; the session's temporary
 * key, secret and token are then accepted by every other service of the fake.
 * With `require`, every other call must be signed with a live session of that
 * role (with its `x-amz-security-token`): a call on the base key is
 * AccessDenied, so a test proves that the assumed credentials were used.
 */

export interface FakeStsOptions {
  /** Roles that may be assumed; `externalId` set: AssumeRole must give it. */
  roles: Record<string, { externalId?: string }>;
  /** Every call to the other services must use a session of this role. */
  require?: string;
}

export interface AssumeRecord {
  roleArn: string;
  sessionName: string;
  externalId?: string;
  durationSeconds?: number;
  /** The key that signed the AssumeRole call. */
  signedWith: string;
  /** The session's key, when granted. */
  accessKeyId?: string;
  error?: string;
}

interface Session {
  roleArn: string;
  sessionName: string;
  secretAccessKey: string;
  sessionToken: string;
  expires: number;
}

export interface AuthVerdict {
  code: string;
  message: string;
  status: number;
}

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/([\w+=,.@/-]+)$/;

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export class FakeSts {
  readonly assumes: AssumeRecord[] = [];
  private readonly sessions = new Map<string, Session>();
  private counter = 0;

  constructor(
    private readonly o: FakeStsOptions | undefined,
    private readonly w: { region: string; accountId: string },
    private readonly baseKey: string,
  ) {}

  /** A Query-protocol call (no X-Amz-Target, a form body naming an Action): STS's. */
  matches(req: http.IncomingMessage, body: Buffer): boolean {
    return req.method === 'POST' && req.headers['x-amz-target'] === undefined && /^application\/x-www-form-urlencoded/.test(String(req.headers['content-type'] ?? '')) && /(^|&)Action=/.test(body.toString('utf8'));
  }

  /** For the other services: undefined when the key (and token) may call, else the error to answer. */
  authorize(accessKeyId: string, token: string | undefined): AuthVerdict | undefined {
    const invalid = { code: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.', status: 400 };
    if (accessKeyId === this.baseKey) {
      if (!this.o?.require) return undefined;
      return { code: 'AccessDeniedException', message: `User: arn:aws:iam::${this.w.accountId}:user/fake is not authorized: this fake answers only sessions of ${this.o.require}`, status: 400 };
    }
    const s = this.sessions.get(accessKeyId);
    if (!s || token !== s.sessionToken) return invalid;
    if (Date.now() >= s.expires) return { code: 'ExpiredTokenException', message: 'The security token included in the request is expired', status: 400 };
    if (this.o?.require && s.roleArn !== this.o.require) return { code: 'AccessDeniedException', message: `assumed-role ${s.roleArn} is not the role this fake requires`, status: 400 };
    return undefined;
  }

  handle(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    const form = new URLSearchParams(body.toString('utf8'));
    const auth = String(req.headers.authorization ?? '');
    const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/.exec(auth);
    const record: AssumeRecord = { roleArn: form.get('RoleArn') ?? '', sessionName: form.get('RoleSessionName') ?? '', signedWith: m?.[1] ?? '' };
    const externalId = form.get('ExternalId');
    if (externalId !== null) record.externalId = externalId;
    const duration = form.get('DurationSeconds');
    if (duration !== null) record.durationSeconds = Number(duration);
    const fail = (status: number, code: string, message: string): void => {
      record.error = code;
      this.assumes.push(record);
      this.error(res, status, code, message);
    };
    if (!m) return fail(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
    if (m[1] !== this.baseKey) return fail(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
    if (m[4] !== 'sts') return fail(403, 'SignatureDoesNotMatch', `Credential should be scoped to correct service: 'sts'.`);
    if (m[3] !== this.w.region) return fail(403, 'SignatureDoesNotMatch', `Credential should be scoped to a valid region, not '${m[3]}'.`);
    if (form.get('Action') !== 'AssumeRole') return fail(400, 'InvalidAction', `Could not find operation ${form.get('Action')} for version ${form.get('Version')}`);
    if (form.get('Version') !== '2011-06-15') return fail(400, 'InvalidParameterValue', 'Version must be 2011-06-15');
    const arn = ROLE_ARN.exec(record.roleArn);
    if (!arn) return fail(400, 'ValidationError', `1 validation error detected: Value '${record.roleArn}' at 'roleArn' failed to satisfy constraint`);
    if (!/^[\w+=,.@-]{2,64}$/.test(record.sessionName)) return fail(400, 'ValidationError', `1 validation error detected: Value '${record.sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`);
    if (record.durationSeconds !== undefined && (!Number.isInteger(record.durationSeconds) || record.durationSeconds < 900 || record.durationSeconds > 43_200)) {
      return fail(400, 'ValidationError', 'DurationSeconds must be between 900 and 43200');
    }
    const role = this.o?.roles[record.roleArn];
    const denied = `User: arn:aws:iam::${this.w.accountId}:user/fake is not authorized to perform: sts:AssumeRole on resource: ${record.roleArn}`;
    if (!role || (role.externalId !== undefined && role.externalId !== externalId)) return fail(403, 'AccessDenied', denied);

    this.counter++;
    const accessKeyId = `ASIAFAKE${createHash('sha256').update(`${record.roleArn}/${this.counter}`).digest('hex').slice(0, 12).toUpperCase()}`;
    const session: Session = {
      roleArn: record.roleArn,
      sessionName: record.sessionName,
      secretAccessKey: createHash('sha256').update(`secret/${accessKeyId}`).digest('base64').slice(0, 40),
      sessionToken: Buffer.from(`fake-session/${accessKeyId}/${randomUUID()}`).toString('base64'),
      expires: Date.now() + (record.durationSeconds ?? 3600) * 1000,
    };
    this.sessions.set(accessKeyId, session);
    record.accessKeyId = accessKeyId;
    this.assumes.push(record);
    const roleName = arn[2].split('/').pop()!;
    const xml =
      `<AssumeRoleResponse xmlns="${NS}"><AssumeRoleResult>` +
      `<AssumedRoleUser><AssumedRoleId>AROAFAKE${this.counter}:${escapeXml(record.sessionName)}</AssumedRoleId>` +
      `<Arn>arn:aws:sts::${arn[1]}:assumed-role/${escapeXml(roleName)}/${escapeXml(record.sessionName)}</Arn></AssumedRoleUser>` +
      `<Credentials><AccessKeyId>${accessKeyId}</AccessKeyId><SecretAccessKey>${escapeXml(session.secretAccessKey)}</SecretAccessKey>` +
      `<SessionToken>${escapeXml(session.sessionToken)}</SessionToken><Expiration>${new Date(session.expires).toISOString()}</Expiration></Credentials>` +
      `<PackedPolicySize>0</PackedPolicySize></AssumeRoleResult>` +
      `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></AssumeRoleResponse>`;
    res.writeHead(200, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(xml), 'x-amzn-requestid': randomUUID(), date: new Date().toUTCString() });
    res.end(xml);
  }

  private error(res: http.ServerResponse, status: number, code: string, message: string): void {
    const id = randomUUID();
    const xml = `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${id}</RequestId></ErrorResponse>`;
    res.writeHead(status, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(xml), 'x-amzn-requestid': id, date: new Date().toUTCString() });
    res.end(xml);
  }
}
