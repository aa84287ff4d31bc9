import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { Duplex } from 'node:stream';

/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY for the AWS SDK, which ignores them: an
 * agent that opens a CONNECT tunnel through the proxy and speaks to the AWS
 * endpoint inside it (TLS end to end, the proxy sees only the host name).
 * Rules follow the runner's own (@actions/http-client): lower case wins,
 * loopback is never proxied, NO_PROXY holds host names, `.suffix`es, `host:port`
 * or `*`. Only http:// proxies are supported.
 */

export function proxyFor(target: URL, env: NodeJS.ProcessEnv = process.env): URL | undefined {
  const host = target.hostname.toLowerCase();
  if (host === 'localhost' || host.startsWith('127.') || host === '[::1]' || host === '::1') return undefined;
  const raw = target.protocol === 'https:' ? env.https_proxy || env.HTTPS_PROXY : env.http_proxy || env.HTTP_PROXY;
  if (!raw) return undefined;
  if (bypassed(target, env.no_proxy || env.NO_PROXY || '')) return undefined;
  const url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`);
  if (url.protocol !== 'http:') throw new Error(`Proxy ${url.protocol}// is not supported; use an http:// proxy URL in HTTPS_PROXY`);
  return url;
}

function bypassed(target: URL, noProxy: string): boolean {
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  const host = target.hostname.toUpperCase();
  const candidates = [host, `${host}:${port}`];
  return noProxy
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s !== '')
    .some((item) => item === '*' || candidates.some((c) => c === item || c.endsWith(item.startsWith('.') ? item : `.${item}`)));
}

type Callback = (err: Error | null, stream: Duplex) => void;

function connectThrough(proxy: URL, host: string, port: number, cb: (err: Error | null, socket?: net.Socket) => void): void {
  const socket = net.connect(Number(proxy.port || 80), proxy.hostname);
  const auth = proxy.username ? `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}\r\n` : '';
  let received = Buffer.alloc(0);
  const fail = (err: Error): void => {
    socket.destroy();
    cb(err);
  };
  const onData = (chunk: Buffer): void => {
    received = Buffer.concat([received, chunk]);
    const end = received.indexOf('\r\n\r\n');
    if (end < 0) return;
    socket.off('data', onData);
    socket.off('error', fail);
    const status = /^HTTP\/1\.[01] (\d{3})/.exec(received.toString('latin1', 0, end));
    if (!status || status[1] !== '200') return fail(new Error(`Proxy ${proxy.host} refused CONNECT ${host}:${port}: ${received.toString('latin1', 0, end).split('\r\n')[0]}`));
    // Bytes after the proxy's answer belong to the tunnelled connection.
    if (received.length > end + 4) socket.unshift(received.subarray(end + 4));
    cb(null, socket);
  };
  socket.on('error', fail);
  socket.on('data', onData);
  socket.write(`CONNECT ${host}:${port} HTTP/1.1\r\nHost: ${host}:${port}\r\n${auth}\r\n`);
}

/** An https.Agent whose connections are tunnels through `proxy`. */
export class HttpsProxyAgent extends https.Agent {
  constructor(private readonly proxy: URL, options?: https.AgentOptions) {
    super(options);
  }
  override createConnection(options: https.RequestOptions, cb?: Callback): Duplex | null | undefined {
    const host = String(options.host ?? options.hostname ?? 'localhost');
    connectThrough(this.proxy, host, Number(options.port ?? 443), (err, raw) => {
      if (err || !raw) return cb?.(err ?? new Error('proxy tunnel failed'), undefined as unknown as Duplex);
      const tlsOptions = options as tls.ConnectionOptions;
      const secure = tls.connect({ ...tlsOptions, socket: raw, servername: tlsOptions.servername || (net.isIP(host) ? undefined : host) });
      cb?.(null, secure);
    });
    return undefined;
  }
}

/** An http.Agent for plain-HTTP endpoints (a local stack behind the proxy), also tunnelled with CONNECT. */
export class HttpProxyAgent extends http.Agent {
  constructor(private readonly proxy: URL, options?: http.AgentOptions) {
    super(options);
  }
  override createConnection(options: http.ClientRequestArgs, cb?: Callback): Duplex | null | undefined {
    const host = String(options.host ?? options.hostname ?? 'localhost');
    connectThrough(this.proxy, host, Number(options.port ?? 80), (err, raw) => cb?.(err, raw as Duplex));
    return undefined;
  }
}

/** The agents the SDK's NodeHttpHandler should use for `endpoint`, or nothing when no proxy applies. */
export function proxyAgents(endpoint: URL, env: NodeJS.ProcessEnv = process.env): { httpAgent?: http.Agent; httpsAgent?: https.Agent; proxy?: URL } {
  const proxy = proxyFor(endpoint, env);
  if (!proxy) return {};
  const options = { keepAlive: true, maxSockets: 50 };
  return endpoint.protocol === 'https:' ? { httpsAgent: new HttpsProxyAgent(proxy, options), proxy } : { httpAgent: new HttpProxyAgent(proxy, options), proxy };
}
