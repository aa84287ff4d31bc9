export const id = 597;
export const ids = [597];
export const modules = {

/***/ 3597:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createLiveDeploy: () => (/* binding */ createLiveDeploy)
});

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./build/adapters/aws/proxy.js




/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY for the AWS SDK, which ignores them: an
 * agent that opens a CONNECT tunnel through the proxy and speaks to the AWS
 * endpoint inside it (TLS end to end, the proxy sees only the host name).
 * Rules follow the runner's own (@actions/http-client): lower case wins,
 * loopback is never proxied, NO_PROXY holds host names, `.suffix`es, `host:port`
 * or `*`. Only http:// proxies are supported.
 */
function proxyFor(target, env = process.env) {
    const host = target.hostname.toLowerCase();
    if (host === 'localhost' || host.startsWith('127.') || host === '[::1]' || host === '::1')
        return undefined;
    const raw = target.protocol === 'https:' ? env.https_proxy || env.HTTPS_PROXY : env.http_proxy || env.HTTP_PROXY;
    if (!raw)
        return undefined;
    if (bypassed(target, env.no_proxy || env.NO_PROXY || ''))
        return undefined;
    const url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`);
    if (url.protocol !== 'http:')
        throw new Error(`Proxy ${url.protocol}// is not supported; use an http:// proxy URL in HTTPS_PROXY`);
    return url;
}
function bypassed(target, noProxy) {
    const port = target.port || (target.protocol === 'https:' ? '443' : '80');
    const host = target.hostname.toUpperCase();
    const candidates = [host, `${host}:${port}`];
    return noProxy
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter((s) => s !== '')
        .some((item) => item === '*' || candidates.some((c) => c === item || c.endsWith(item.startsWith('.') ? item : `.${item}`)));
}
function connectThrough(proxy, host, port, cb) {
    const socket = external_node_net_.connect(Number(proxy.port || 80), proxy.hostname);
    const auth = proxy.username ? `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}\r\n` : '';
    let received = Buffer.alloc(0);
    const fail = (err) => {
        socket.destroy();
        cb(err);
    };
    const onData = (chunk) => {
        received = Buffer.concat([received, chunk]);
        const end = received.indexOf('\r\n\r\n');
        if (end < 0)
            return;
        socket.off('data', onData);
        socket.off('error', fail);
        const status = /^HTTP\/1\.[01] (\d{3})/.exec(received.toString('latin1', 0, end));
        if (!status || status[1] !== '200')
            return fail(new Error(`Proxy ${proxy.host} refused CONNECT ${host}:${port}: ${received.toString('latin1', 0, end).split('\r\n')[0]}`));
        // Bytes after the proxy's answer belong to the tunnelled connection.
        if (received.length > end + 4)
            socket.unshift(received.subarray(end + 4));
        cb(null, socket);
    };
    socket.on('error', fail);
    socket.on('data', onData);
    socket.write(`CONNECT ${host}:${port} HTTP/1.1\r\nHost: ${host}:${port}\r\n${auth}\r\n`);
}
/** An https.Agent whose connections are tunnels through `proxy`. */
class HttpsProxyAgent extends external_node_https_.Agent {
    proxy;
    constructor(proxy, options) {
        super(options);
        this.proxy = proxy;
    }
    createConnection(options, cb) {
        const host = String(options.host ?? options.hostname ?? 'localhost');
        connectThrough(this.proxy, host, Number(options.port ?? 443), (err, raw) => {
            if (err || !raw)
                return cb?.(err ?? new Error('proxy tunnel failed'), undefined);
            const tlsOptions = options;
            const secure = external_node_tls_.connect({ ...tlsOptions, socket: raw, servername: tlsOptions.servername || (external_node_net_.isIP(host) ? undefined : host) });
            cb?.(null, secure);
        });
        return undefined;
    }
}
/** An http.Agent for plain-HTTP endpoints (a local stack behind the proxy), also tunnelled with CONNECT. */
class HttpProxyAgent extends external_node_http_.Agent {
    proxy;
    constructor(proxy, options) {
        super(options);
        this.proxy = proxy;
    }
    createConnection(options, cb) {
        const host = String(options.host ?? options.hostname ?? 'localhost');
        connectThrough(this.proxy, host, Number(options.port ?? 80), (err, raw) => cb?.(err, raw));
        return undefined;
    }
}
/** The agents the SDK's NodeHttpHandler should use for `endpoint`, or nothing when no proxy applies. */
function proxyAgents(endpoint, env = process.env) {
    const proxy = proxyFor(endpoint, env);
    if (!proxy)
        return {};
    const options = { keepAlive: true, maxSockets: 50 };
    return endpoint.protocol === 'https:' ? { httpsAgent: new HttpsProxyAgent(proxy, options), proxy } : { httpAgent: new HttpProxyAgent(proxy, options), proxy };
}

;// CONCATENATED MODULE: ./build/adapters/aws/config.js

/** The SDK's service ids as they appear in AWS_ENDPOINT_URL_<SERVICE_ID>. */
const ENDPOINT_ENV = {
    codepipeline: 'AWS_ENDPOINT_URL_CODEPIPELINE',
    ecr: 'AWS_ENDPOINT_URL_ECR',
    codebuild: 'AWS_ENDPOINT_URL_CODEBUILD',
    logs: 'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS',
    s3: 'AWS_ENDPOINT_URL_S3',
    codedeploy: 'AWS_ENDPOINT_URL_CODEDEPLOY',
    ecs: 'AWS_ENDPOINT_URL_ECS',
    sts: 'AWS_ENDPOINT_URL_STS',
};
const HOST_PREFIX = { codepipeline: 'codepipeline', ecr: 'api.ecr', codebuild: 'codebuild', logs: 'logs', s3: 's3', codedeploy: 'codedeploy', ecs: 'ecs', sts: 'sts' };
function dnsSuffix(region) {
    return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}
/** The endpoint set explicitly (option) or through the environment, as the SDK would read it. */
function overriddenEndpoint(service, o) {
    const explicit = o.endpoints?.[service] ?? o.endpoints?.default;
    if (explicit)
        return explicit;
    const env = o.env ?? process.env;
    if (/^true$/i.test(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? ''))
        return undefined;
    return env[ENDPOINT_ENV[service]] || env.AWS_ENDPOINT_URL || undefined;
}
/** The client configuration shared by the five clients; retries and proxy settled here. */
async function clientConfig(service, o) {
    const maxAttempts = o.maxAttempts ?? 5;
    const config = { region: o.region, maxAttempts, retryMode: 'standard' };
    const explicit = o.endpoints?.[service] ?? o.endpoints?.default;
    // Only an explicit option is passed on; the SDK reads the environment overrides itself.
    if (explicit)
        config.endpoint = explicit;
    if (o.credentials)
        config.credentials = o.credentials;
    const scale = o.retryDelayScale ?? 1;
    if (scale !== 1)
        config.retryStrategy = await scaledRetryStrategy(maxAttempts, scale);
    const target = new URL(overriddenEndpoint(service, o) ?? `https://${HOST_PREFIX[service]}.${o.region}.${dnsSuffix(o.region)}`);
    const agents = proxyAgents(target, o.env ?? process.env);
    if (agents.proxy)
        o.logger?.debug(`AWS ${service}: through proxy ${agents.proxy.host}`);
    // A plain options object: the client builds its own NodeHttpHandler from it.
    config.requestHandler = {
        requestTimeout: o.requestTimeoutMs ?? 30_000,
        // A request past its timeout becomes a TimeoutError, which the retry strategy retries.
        throwOnRequestTimeout: true,
        connectionTimeout: 10_000,
        ...(agents.httpAgent ? { httpAgent: agents.httpAgent } : {}),
        ...(agents.httpsAgent ? { httpsAgent: agents.httpsAgent } : {}),
    };
    return config;
}
/**
 * The SDK's StandardRetryStrategy (error classification, retry quota,
 * throttling vs transient bases) with its full-jitter exponential backoff
 * scaled down, so that tests run the real retry logic without waiting seconds.
 */
async function scaledRetryStrategy(maxAttempts, scale) {
    const { StandardRetryStrategy, MAXIMUM_RETRY_DELAY } = await __webpack_require__.e(/* import() */ 609).then(__webpack_require__.t.bind(__webpack_require__, 3609, 19));
    let base = 50;
    const backoff = {
        setDelayBase(delay) {
            base = delay;
        },
        computeNextBackoffDelay(attempt) {
            return Math.floor(Math.random() * Math.min(base * 2 ** attempt, MAXIMUM_RETRY_DELAY) * scale);
        },
    };
    return new StandardRetryStrategy({ maxAttempts, backoff });
}

// EXTERNAL MODULE: ./build/core/error-text.js
var error_text = __webpack_require__(370);
;// CONCATENATED MODULE: ./build/adapters/aws/errors.js
/** The SDK names a service error after its `__type` / error code; anything else has no name worth matching. */
function errorName(err) {
    return err && typeof err === 'object' && 'name' in err && typeof err.name === 'string' ? err.name : undefined;
}
/** The HTTP status the service answered with, when the error came from a response. */
function httpStatus(err) {
    const meta = err && typeof err === 'object' ? err.$metadata : undefined;
    return meta?.httpStatusCode;
}

;// CONCATENATED MODULE: ./build/adapters/aws/unavailable.js


/**
 * An SDK error of a read of the live side, as a LiveUnavailable: access
 * denied names the action and resource to grant (the resource from AWS's own
 * message when it gives one), not found says what is missing.
 */
const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnauthorizedException', 'NotAuthorized']);
const NO_CREDENTIALS = new Set(['CredentialsProviderError', 'ProviderError']);
const BAD_CREDENTIALS = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'ExpiredTokenException', 'ExpiredToken', 'InvalidSignatureException']);
/** `arn:aws:sts::123456789012:assumed-role/…` in AWS's message gives the account the resource lives in. */
function accountIn(message) {
    return /arn:aws[a-z-]*:(?:sts|iam)::(\d{12}):/.exec(message)?.[1];
}
function partitionOf(region) {
    if (region.startsWith('cn-'))
        return 'aws-cn';
    if (region.startsWith('us-gov-'))
        return 'aws-us-gov';
    return 'aws';
}
/** The resource AWS names in an access-denied message (`… on resource: arn:… because …`). */
function resourceIn(message) {
    const m = /\bon resource: (\S+?)(?=[\s,]|$)/.exec(message);
    return m ? m[1].replace(/[.;]+$/, '') : undefined;
}
function unavailable(err, o) {
    const name = errorName(err) ?? '';
    const message = (0,error_text/* errorText */.k)(err);
    if (DENIED.has(name) || (httpStatus(err) === 403 && !BAD_CREDENTIALS.has(name))) {
        const account = accountIn(message);
        const resource = resourceIn(message) ?? (account ? o.resource.replace(':*:', `:${account}:`) : o.resource);
        return { ok: false, reason: 'denied', message: `cannot read ${o.what}: grant ${o.action} on ${resource}` };
    }
    const missing = o.missing?.[name];
    if (missing !== undefined)
        return { ok: false, reason: 'missing', message: `cannot read ${o.what}: ${missing}` };
    if (NO_CREDENTIALS.has(name) || /credential/i.test(name)) {
        return { ok: false, reason: 'failed', message: `cannot read ${o.what}: no AWS credentials were found (configure them first, e.g. with aws-actions/configure-aws-credentials)` };
    }
    if (BAD_CREDENTIALS.has(name))
        return { ok: false, reason: 'failed', message: `cannot read ${o.what}: AWS refused the credentials (${name}: ${message})` };
    return { ok: false, reason: 'failed', message: `cannot read ${o.what}: ${name ? `${name}: ` : ''}${message}` };
}

;// CONCATENATED MODULE: ./build/adapters/aws/deploy-target.js

/**
 * CodeDeploy GetDeploymentGroup → the ECS cluster and service the group
 * deploys to, and its target groups and listeners.
 */
async function readDeployTarget(c, q) {
    const what = `the deployment group ${q.deploymentGroupName} of the CodeDeploy application ${q.applicationName}`;
    let info;
    try {
        info = (await c.client.send(new c.sdk.GetDeploymentGroupCommand({ applicationName: q.applicationName, deploymentGroupName: q.deploymentGroupName }))).deploymentGroupInfo;
    }
    catch (e) {
        return unavailable(e, {
            what,
            action: 'codedeploy:GetDeploymentGroup',
            resource: `arn:${partitionOf(c.region)}:codedeploy:${c.region}:*:deploymentgroup:${q.applicationName}/${q.deploymentGroupName}`,
            missing: {
                ApplicationDoesNotExistException: `there is no CodeDeploy application ${q.applicationName} in ${c.region}; check ApplicationName in the pipeline's deploy action`,
                DeploymentGroupDoesNotExistException: `the application ${q.applicationName} has no deployment group ${q.deploymentGroupName} in ${c.region}; check DeploymentGroupName in the pipeline's deploy action`,
            },
        });
    }
    const ecs = info?.ecsServices?.find((s) => s.clusterName && s.serviceName);
    if (!ecs?.clusterName || !ecs.serviceName) {
        return { ok: false, reason: 'missing', message: `cannot read ${what}: it deploys to no ECS service (compute platform ${info?.computePlatform ?? 'unknown'}); a CodeDeployToECS action needs an ECS deployment group` };
    }
    const pairs = info?.loadBalancerInfo?.targetGroupPairInfoList ?? [];
    return {
        ok: true,
        value: {
            cluster: ecs.clusterName,
            service: ecs.serviceName,
            targetGroups: pairs.flatMap((p) => (p.targetGroups ?? []).map((t) => t.name ?? '')).filter(Boolean),
            prodListenerArns: pairs.flatMap((p) => p.prodTrafficRoute?.listenerArns ?? []),
            testListenerArns: pairs.flatMap((p) => p.testTrafficRoute?.listenerArns ?? []),
        },
    };
}

;// CONCATENATED MODULE: ./build/adapters/aws/read-pipeline.js

/**
 * GetPipeline as the pipeline drift compares it: `{ pipeline, metadata }` as
 * plain JSON, or what to grant when it cannot be read. Shared by the deploy
 * preview's clients and the tracker's (the app compares drift on the pooled
 * clients it already holds).
 */
async function readPipeline(c, name) {
    try {
        // `get`: a caller's own (shared, briefly reused) GetPipeline read.
        const res = c.get ? await c.get(name) : await c.client.send(new c.sdk.GetPipelineCommand({ name }));
        return { ok: true, value: JSON.parse(JSON.stringify({ pipeline: res.pipeline, metadata: res.metadata })) };
    }
    catch (e) {
        return unavailable(e, {
            what: `the pipeline ${name}`,
            action: 'codepipeline:GetPipeline',
            resource: `arn:${partitionOf(c.region)}:codepipeline:${c.region}:*:${name}`,
            missing: { PipelineNotFoundException: `there is no pipeline ${name} in ${c.region}; check the pipeline name and region` },
        });
    }
}

;// CONCATENATED MODULE: ./build/adapters/aws/live-taskdef.js

/**
 * The task definition serving production traffic: a CodeDeploy blue/green
 * service keeps it in its PRIMARY task set, a rolling one in its PRIMARY
 * deployment; the service's own `taskDefinition` is the last resort.
 */
function running(s) {
    const set = s.taskSets?.find((t) => t.status === 'PRIMARY' && t.taskDefinition);
    if (set)
        return { taskDefinitionArn: set.taskDefinition, from: 'primary task set' };
    const deployment = s.deployments?.find((d) => d.status === 'PRIMARY' && d.taskDefinition);
    if (deployment)
        return { taskDefinitionArn: deployment.taskDefinition, from: 'primary deployment' };
    return s.taskDefinition ? { taskDefinitionArn: s.taskDefinition, from: 'service' } : {};
}
/** ECS DescribeServices for one service of one cluster. */
async function readService(c, q) {
    const what = `the ECS service ${q.service} of cluster ${q.cluster}`;
    const arn = `arn:${partitionOf(c.region)}:ecs:${c.region}:*:service/${q.cluster}/${q.service}`;
    let res;
    try {
        res = await c.client.send(new c.sdk.DescribeServicesCommand({ cluster: q.cluster, services: [q.service] }));
    }
    catch (e) {
        return unavailable(e, {
            what,
            action: 'ecs:DescribeServices',
            resource: arn,
            missing: { ClusterNotFoundException: `there is no ECS cluster ${q.cluster} in ${c.region}; check the deployment group's ECS service` },
        });
    }
    const s = res.services?.find((x) => x.serviceName === q.service || x.serviceArn?.endsWith(`/${q.service}`)) ?? res.services?.[0];
    if (!s) {
        const why = res.failures?.[0]?.reason;
        return { ok: false, reason: 'missing', message: `cannot read ${what}: ${why === 'MISSING' || why === undefined ? `the cluster has no service ${q.service}` : `ECS answered ${why}`}` };
    }
    if (s.status === 'INACTIVE')
        return { ok: false, reason: 'missing', message: `cannot read ${what}: the service is INACTIVE (deleted); the deployment group points at a service that no longer runs` };
    return { ok: true, value: { ...(s.serviceArn ? { serviceArn: s.serviceArn } : {}), ...running(s) } };
}
/** ECS DescribeTaskDefinition; the answer as plain JSON (dates as ISO strings). */
async function readTaskDefinition(c, arn) {
    try {
        const res = await c.client.send(new c.sdk.DescribeTaskDefinitionCommand({ taskDefinition: arn }));
        if (!res.taskDefinition)
            return { ok: false, reason: 'missing', message: `cannot read the task definition ${arn}: ECS returned none` };
        return { ok: true, value: JSON.parse(JSON.stringify(res.taskDefinition)) };
    }
    catch (e) {
        return unavailable(e, {
            what: `the task definition ${arn}`,
            action: 'ecs:DescribeTaskDefinition',
            // DescribeTaskDefinition takes no resource-level permissions.
            resource: '*',
            missing: { ClientException: 'ECS cannot describe it (deregistered, or in another account or region)' },
        });
    }
}

;// CONCATENATED MODULE: ./build/adapters/aws/live-deploy.js




/**
 * The live side of the deploy preview on the SDK v3 clients, read-only. Each
 * SDK is imported the first time its service is asked, so that `mode: track`
 * (which only reads the pipeline for drift) never loads CodeDeploy or ECS.
 */
function createLiveDeploy(options) {
    if (!options.region)
        throw new Error('No AWS region: set the aws-region input or AWS_REGION');
    const region = options.region;
    const made = [];
    const once = (make) => {
        let p;
        return () => (p ??= make());
    };
    const codedeploy = once(async () => {
        const sdk = await Promise.all(/* import() */[__webpack_require__.e(609), __webpack_require__.e(861), __webpack_require__.e(507)]).then(__webpack_require__.t.bind(__webpack_require__, 7507, 19));
        const client = new sdk.CodeDeployClient(await clientConfig('codedeploy', options));
        made.push(client);
        return { sdk, client, region };
    });
    const ecs = once(async () => {
        const sdk = await Promise.all(/* import() */[__webpack_require__.e(609), __webpack_require__.e(861), __webpack_require__.e(212)]).then(__webpack_require__.t.bind(__webpack_require__, 212, 19));
        const client = new sdk.ECSClient(await clientConfig('ecs', options));
        made.push(client);
        return { sdk, client, region };
    });
    const codepipeline = once(async () => {
        const sdk = await Promise.all(/* import() */[__webpack_require__.e(609), __webpack_require__.e(861), __webpack_require__.e(232)]).then(__webpack_require__.t.bind(__webpack_require__, 8232, 19));
        const client = new sdk.CodePipelineClient(await clientConfig('codepipeline', options));
        made.push(client);
        return { sdk, client, region };
    });
    return {
        deploymentGroup: async (q) => readDeployTarget(await codedeploy(), q),
        service: async (q) => readService(await ecs(), q),
        taskDefinition: async (arn) => readTaskDefinition(await ecs(), arn),
        pipeline: async (name) => readPipeline(await codepipeline(), name),
        destroy: () => {
            for (const c of made)
                c.destroy();
        },
    };
}


/***/ })

};
