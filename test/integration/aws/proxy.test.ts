import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { createAwsPorts } from '../../../src/adapters/aws/index.js';
import { HttpProxyAgent, HttpsProxyAgent, proxyAgents, proxyFor } from '../../../src/adapters/aws/proxy.js';
import { scenarios, startFakeAws, type FakeAws } from '../../fakes/aws/index.js';
import { AWS_VARS, useEnv } from './helpers.js';

const { BUCKET, PIPELINE } = scenarios;

/** A CONNECT proxy on loopback that resolves every host name to 127.0.0.1 and remembers what it was asked. */
async function startProxy(o: { requireAuth?: string } = {}): Promise<{ url: string; connects: string[]; close(): Promise<void> }> {
  const connects: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.once('data', (head: Buffer) => {
      const text = head.toString('latin1');
      const m = /^CONNECT ([^\s:]+):(\d+) HTTP\/1\.1\r\n/.exec(text);
      if (!m) return client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      if (o.requireAuth && !text.includes(`Proxy-Authorization: Basic ${Buffer.from(o.requireAuth).toString('base64')}`)) {
        return client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      }
      connects.push(`${m[1]}:${m[2]}`);
      const upstream = net.connect(Number(m[2]), '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connects,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

describe('proxy variables', () => {
  const env = useEnv();
  let fake: FakeAws;
  beforeEach(async () => {
    fake = await startFakeAws({ scenario: scenarios.success().scenario });
    env.set(Object.fromEntries(AWS_VARS.map((k) => [k, undefined])));
    env.set({ ...fake.env(), AWS_ENDPOINT_URL: undefined });
  });
  afterEach(async () => {
    env.restore();
    await fake.close();
  });

  test('proxyFor: scheme, lower case first, NO_PROXY forms, loopback never proxied', () => {
    const t = (u: string): URL => new URL(u);
    expect(proxyFor(t('https://codepipeline.us-east-1.amazonaws.com'), { HTTPS_PROXY: 'http://proxy:3128' })?.host).toBe('proxy:3128');
    expect(proxyFor(t('https://codepipeline.us-east-1.amazonaws.com'), { HTTPS_PROXY: 'proxy:3128' })?.href).toBe('http://proxy:3128/');
    expect(proxyFor(t('https://codepipeline.us-east-1.amazonaws.com'), { HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2' })?.hostname).toBe('lower');
    expect(proxyFor(t('http://ecr.internal'), { HTTPS_PROXY: 'http://p:1' })).toBeUndefined();
    expect(proxyFor(t('http://ecr.internal'), { HTTP_PROXY: 'http://p:1' })?.hostname).toBe('p');
    const via = { HTTPS_PROXY: 'http://p:1' };
    expect(proxyFor(t('https://logs.us-east-1.amazonaws.com'), { ...via, NO_PROXY: '.amazonaws.com' })).toBeUndefined();
    expect(proxyFor(t('https://logs.us-east-1.amazonaws.com'), { ...via, NO_PROXY: 'amazonaws.com' })).toBeUndefined();
    expect(proxyFor(t('https://logs.us-east-1.amazonaws.com'), { ...via, no_proxy: 'logs.us-east-1.amazonaws.com:443' })).toBeUndefined();
    expect(proxyFor(t('https://logs.us-east-1.amazonaws.com'), { ...via, NO_PROXY: 'example.com, *' })).toBeUndefined();
    expect(proxyFor(t('https://logs.us-east-1.amazonaws.com'), { ...via, NO_PROXY: 'example.com,zonaws.com' })?.hostname).toBe('p');
    expect(proxyFor(t('https://127.0.0.1:4566'), via)).toBeUndefined();
    expect(proxyFor(t('https://localhost:4566'), via)).toBeUndefined();
    expect(() => proxyFor(t('https://x.amazonaws.com'), { HTTPS_PROXY: 'https://p:1' })).toThrow(/http:\/\/ proxy/);
    expect(proxyAgents(t('https://x.amazonaws.com'), via).httpsAgent).toBeInstanceOf(HttpsProxyAgent);
    expect(proxyAgents(t('http://x.internal'), { HTTP_PROXY: 'http://p:1' }).httpAgent).toBeInstanceOf(HttpProxyAgent);
    expect(proxyAgents(t('https://x.amazonaws.com'), {})).toEqual({});
  });

  test('every client tunnels through the proxy (CONNECT), with credentials from the proxy URL', async () => {
    const proxy = await startProxy({ requireAuth: 'ci:s3cr3t' });
    // A name only the proxy can resolve: the request cannot have gone around it.
    const endpoint = `http://fake-aws.test:${fake.port}`;
    env.set({ HTTP_PROXY: proxy.url.replace('http://', 'http://ci:s3cr3t@') });
    const logs: string[] = [];
    const ports = await createAwsPorts({ region: 'us-east-1', endpoints: { default: endpoint }, logger: { info() {}, warning() {}, debug: (m) => logs.push(m) } });
    try {
      const c = scenarios.success();
      await ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: c.executionId! });
      expect(await ports.images.imageDetailFromArtifact({ bucket: BUCKET, key: scenarios.artifactKeyFor(c.executionId!, 'BuildOutput') })).toContain('ImageURI');
      await ports.logs.tail({ buildId: scenarios.buildIdFor(scenarios.COMMIT), lines: 2 });
      expect(new Set(proxy.connects)).toEqual(new Set([`fake-aws.test:${fake.port}`]));
      expect(fake.calls.map((x) => x.service).sort()).toEqual(['codebuild', 'codepipeline', 'codepipeline', 'logs', 's3']);
      expect(logs).toContain('AWS codepipeline: through proxy 127.0.0.1:' + proxy.url.split(':').pop());
    } finally {
      ports.destroy();
      await proxy.close();
    }
  });

  test('a proxy that refuses the tunnel fails the call with its status line', async () => {
    const proxy = await startProxy({ requireAuth: 'ci:s3cr3t' });
    env.set({ HTTP_PROXY: proxy.url });
    const ports = await createAwsPorts({ region: 'us-east-1', endpoints: { default: `http://fake-aws.test:${fake.port}` }, maxAttempts: 1 });
    try {
      await expect(ports.pipeline.sourceActions(PIPELINE)).rejects.toThrow(/407 Proxy Authentication Required/);
      expect(fake.calls).toHaveLength(0);
    } finally {
      ports.destroy();
      await proxy.close();
    }
  });

  test('loopback endpoints bypass the proxy', async () => {
    const proxy = await startProxy();
    env.set({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url });
    const ports = await createAwsPorts({ region: 'us-east-1', endpoints: { default: fake.url } });
    try {
      expect(await ports.pipeline.sourceActions(PIPELINE)).toHaveLength(1);
      expect(proxy.connects).toEqual([]);
    } finally {
      ports.destroy();
      await proxy.close();
    }
  });
});
