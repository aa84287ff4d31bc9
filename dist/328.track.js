export const id = 328;
export const ids = [328];
export const modules = {

/***/ 5310:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yO: () => (/* binding */ clientConfig),
  T3: () => (/* binding */ dnsSuffix),
  a4: () => (/* binding */ overriddenEndpoint)
});

// UNUSED EXPORTS: ENDPOINT_ENV

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


/***/ }),

/***/ 2348:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ errorName),
/* harmony export */   n: () => (/* binding */ httpStatus)
/* harmony export */ });
/** The SDK names a service error after its `__type` / error code; anything else has no name worth matching. */
function errorName(err) {
    return err && typeof err === 'object' && 'name' in err && typeof err.name === 'string' ? err.name : undefined;
}
/** The HTTP status the service answered with, when the error came from a response. */
function httpStatus(err) {
    const meta = err && typeof err === 'object' ? err.$metadata : undefined;
    return meta?.httpStatusCode;
}


/***/ }),

/***/ 4328:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AwsBuildLogs: () => (/* reexport */ AwsBuildLogs),
  AwsImages: () => (/* reexport */ AwsImages),
  AwsPipeline: () => (/* reexport */ AwsPipeline),
  createAwsPorts: () => (/* binding */ createAwsPorts)
});

// EXTERNAL MODULE: ./build/adapters/aws/config.js + 1 modules
var config = __webpack_require__(5310);
// EXTERNAL MODULE: ./build/adapters/aws/errors.js
var errors = __webpack_require__(2348);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./build/adapters/aws/zip.js

class ZipError extends Error {
    name = 'ZipError';
}
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;
function findEndOfCentralDirectory(buf) {
    const stop = Math.max(0, buf.length - 22 - MAX_COMMENT);
    for (let i = buf.length - 22; i >= stop; i--) {
        if (buf.readUInt32LE(i) === EOCD)
            return i;
    }
    throw new ZipError('not a zip file (no end of central directory record)');
}
function need(buf, offset, length, what) {
    if (offset < 0 || offset + length > buf.length)
        throw new ZipError(`truncated zip file (${what} at ${offset})`);
}
/** Reads the Zip64 values that replace 0xffffffff fields, in the order the format defines. */
function zip64Extra(extra, wanted) {
    for (let p = 0; p + 4 <= extra.length;) {
        const id = extra.readUInt16LE(p);
        const len = extra.readUInt16LE(p + 2);
        if (id === 0x0001) {
            const out = {};
            let q = p + 4;
            const next = () => {
                if (q + 8 > p + 4 + len)
                    throw new ZipError('bad Zip64 extra field');
                const v = Number(extra.readBigUInt64LE(q));
                q += 8;
                return v;
            };
            if (wanted.size)
                out.size = next();
            if (wanted.compressed)
                out.compressed = next();
            if (wanted.offset)
                out.offset = next();
            return out;
        }
        p += 4 + len;
    }
    throw new ZipError('Zip64 sizes announced but no Zip64 extra field');
}
function listZipEntries(buf) {
    const end = findEndOfCentralDirectory(buf);
    let count = buf.readUInt16LE(end + 10);
    let cdOffset = buf.readUInt32LE(end + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) {
        const loc = end - 20;
        need(buf, loc, 20, 'Zip64 locator');
        if (buf.readUInt32LE(loc) !== ZIP64_LOCATOR)
            throw new ZipError('Zip64 locator missing');
        const rec = Number(buf.readBigUInt64LE(loc + 8));
        need(buf, rec, 56, 'Zip64 end record');
        if (buf.readUInt32LE(rec) !== ZIP64_EOCD)
            throw new ZipError('Zip64 end record missing');
        count = Number(buf.readBigUInt64LE(rec + 32));
        cdOffset = Number(buf.readBigUInt64LE(rec + 48));
    }
    const entries = [];
    let p = cdOffset;
    for (let i = 0; i < count; i++) {
        need(buf, p, 46, 'central directory entry');
        if (buf.readUInt32LE(p) !== CENTRAL)
            throw new ZipError(`bad central directory entry at ${p}`);
        const flags = buf.readUInt16LE(p + 8);
        const method = buf.readUInt16LE(p + 10);
        let compressedSize = buf.readUInt32LE(p + 20);
        let size = buf.readUInt32LE(p + 24);
        const nameLen = buf.readUInt16LE(p + 28);
        const extraLen = buf.readUInt16LE(p + 30);
        const commentLen = buf.readUInt16LE(p + 32);
        let offset = buf.readUInt32LE(p + 42);
        need(buf, p + 46, nameLen + extraLen, 'entry name');
        // Bit 11: UTF-8 names; otherwise CP437, which matches ASCII for the names we look for.
        const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
        if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
            const z = zip64Extra(buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), {
                size: size === 0xffffffff,
                compressed: compressedSize === 0xffffffff,
                offset: offset === 0xffffffff,
            });
            size = z.size ?? size;
            compressedSize = z.compressed ?? compressedSize;
            offset = z.offset ?? offset;
        }
        entries.push({ name, method, compressedSize, size, offset });
        p += 46 + nameLen + extraLen + commentLen;
    }
    return entries;
}
/** The entry's uncompressed bytes; refuses entries larger than `maxBytes` (a zip bomb guard). */
function readZipEntry(buf, entry, maxBytes = 16 * 1024 * 1024) {
    if (entry.size > maxBytes)
        throw new ZipError(`${entry.name} is ${entry.size} bytes, more than the ${maxBytes} allowed`);
    need(buf, entry.offset, 30, 'local header');
    if (buf.readUInt32LE(entry.offset) !== LOCAL)
        throw new ZipError(`bad local header for ${entry.name}`);
    // The local extra field may differ from the central one: take its length from the local header.
    const start = entry.offset + 30 + buf.readUInt16LE(entry.offset + 26) + buf.readUInt16LE(entry.offset + 28);
    need(buf, start, entry.compressedSize, `data of ${entry.name}`);
    const data = buf.subarray(start, start + entry.compressedSize);
    if (entry.method === 0)
        return Buffer.from(data);
    if (entry.method === 8) {
        const out = (0,external_node_zlib_.inflateRawSync)(data, { maxOutputLength: maxBytes });
        if (out.length !== entry.size)
            throw new ZipError(`${entry.name}: inflated ${out.length} bytes, expected ${entry.size}`);
        return out;
    }
    throw new ZipError(`${entry.name} uses compression method ${entry.method}; only stored and deflate are read`);
}
/**
 * Finds a file by name: at the root first, then anywhere (an artifact built
 * without `discard-paths` keeps the folder the buildspec wrote it to).
 */
function findZipFile(buf, fileName) {
    const entries = listZipEntries(buf).filter((e) => !e.name.endsWith('/'));
    const entry = entries.find((e) => e.name === fileName || e.name === `./${fileName}`) ??
        entries.find((e) => e.name.split('/').pop() === fileName);
    return entry ? { entry, data: readZipEntry(buf, entry) } : undefined;
}

;// CONCATENATED MODULE: ./build/adapters/aws/images.js



/** ECR DescribeImages and the imageDetail.json inside a pipeline artifact. */
class AwsImages {
    ecr;
    s3;
    region;
    logger;
    constructor(ecr, s3, region, logger) {
        this.ecr = ecr;
        this.s3 = s3;
        this.region = region;
        this.logger = logger;
    }
    async describe(o) {
        if (!o.tag && !o.digest)
            throw new Error('images.describe needs a tag or a digest');
        let detail;
        try {
            const res = await this.ecr.client.send(new this.ecr.sdk.DescribeImagesCommand({
                repositoryName: o.repository,
                ...(o.registryId ? { registryId: o.registryId } : {}),
                imageIds: [o.digest ? { imageDigest: o.digest } : { imageTag: o.tag }],
            }));
            detail = res.imageDetails?.[0];
        }
        catch (err) {
            const name = (0,errors/* errorName */.I)(err);
            if (name === 'ImageNotFoundException')
                return undefined;
            if (name === 'RepositoryNotFoundException') {
                this.logger?.warning(`ECR repository ${o.repository} does not exist${o.registryId ? ` in registry ${o.registryId}` : ''} (${this.region})`);
                return undefined;
            }
            throw err;
        }
        if (!detail?.imageDigest)
            return undefined;
        const host = `${detail.registryId ?? o.registryId ?? ''}.dkr.ecr.${this.region}.${(0,config/* dnsSuffix */.T3)(this.region)}`;
        const repo = `${host}/${detail.repositoryName ?? o.repository}`;
        const tag = o.tag ?? detail.imageTags?.[0];
        const image = { uri: o.tag ? `${repo}:${o.tag}` : `${repo}@${detail.imageDigest}`, digest: detail.imageDigest };
        if (tag)
            image.tag = tag;
        if (detail.imagePushedAt instanceof Date)
            image.pushedAt = detail.imagePushedAt.toISOString();
        const counts = detail.imageScanFindingsSummary?.findingSeverityCounts;
        if (counts) {
            image.scanFindings = Object.fromEntries(Object.entries(counts).filter((e) => typeof e[1] === 'number'));
        }
        return image;
    }
    async imageDetailFromArtifact(o) {
        let bytes;
        try {
            const res = await this.s3.client.send(new this.s3.sdk.GetObjectCommand({ Bucket: o.bucket, Key: o.key }));
            if (!res.Body)
                return undefined;
            bytes = await res.Body.transformToByteArray();
        }
        catch (err) {
            // A missing object is a build that wrote no artifact; a missing bucket or a denial is a setup problem to surface.
            if ((0,errors/* errorName */.I)(err) === 'NoSuchKey')
                return undefined;
            throw err;
        }
        try {
            const found = findZipFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'imageDetail.json');
            return found?.data.toString('utf8');
        }
        catch (err) {
            if (!(err instanceof ZipError))
                throw err;
            this.logger?.warning(`s3://${o.bucket}/${o.key} is not a readable zip artifact: ${err.message}`);
            return undefined;
        }
    }
}

;// CONCATENATED MODULE: ./build/adapters/aws/logs.js

const FAILED_PHASE = new Set(['FAILED', 'FAULT', 'TIMED_OUT', 'STOPPED']);
const MAX_PAGES = 5;
/** CodeBuild's log through BatchGetBuilds (where the log is) and GetLogEvents (its end). */
class AwsBuildLogs {
    codebuild;
    logs;
    logger;
    constructor(codebuild, logs, logger) {
        this.codebuild = codebuild;
        this.logs = logs;
        this.logger = logger;
    }
    async tail(o) {
        return (await this.details(o)).lines;
    }
    /** tail() plus the failed phases' messages from the same BatchGetBuilds answer. */
    async details(o) {
        const res = await this.codebuild.client.send(new this.codebuild.sdk.BatchGetBuildsCommand({ ids: [o.buildId] }));
        const build = res.builds?.find((b) => b.id === o.buildId) ?? res.builds?.[0];
        if (!build)
            return { lines: [], diagnostics: [] };
        const out = { lines: [], diagnostics: [] };
        if (build.buildStatus)
            out.buildStatus = build.buildStatus;
        if (build.logs?.deepLink)
            out.logUrl = build.logs.deepLink;
        for (const phase of build.phases ?? []) {
            if (!phase.phaseStatus || !FAILED_PHASE.has(phase.phaseStatus))
                continue;
            for (const c of phase.contexts ?? []) {
                if (c.message)
                    out.diagnostics.push(`${phase.phaseType ?? 'PHASE'}: ${c.message}${c.statusCode ? ` (${c.statusCode})` : ''}`);
            }
        }
        const group = build.logs?.groupName;
        const stream = build.logs?.streamName;
        if (group && stream && o.lines > 0)
            out.lines = await this.lastLines(group, stream, o.lines);
        return out;
    }
    async lastLines(logGroupName, logStreamName, wanted) {
        let lines = [];
        let token;
        // GetLogEvents may answer a backward page with fewer events than asked (even none): page back a little.
        for (let page = 0; page < MAX_PAGES && lines.length < wanted; page++) {
            let events;
            let back;
            try {
                const res = await this.logs.client.send(new this.logs.sdk.GetLogEventsCommand({
                    logGroupName,
                    logStreamName,
                    startFromHead: false,
                    limit: Math.min(wanted, 10_000),
                    ...(token ? { nextToken: token } : {}),
                }));
                events = res.events ?? [];
                back = res.nextBackwardToken;
            }
            catch (err) {
                if ((0,errors/* errorName */.I)(err) === 'ResourceNotFoundException') {
                    this.logger?.debug(`No log stream ${logGroupName}/${logStreamName}`);
                    return lines;
                }
                throw err;
            }
            lines = [...events.flatMap((e) => (e.message ?? '').replace(/\r?\n$/, '').split(/\r?\n/)), ...lines];
            // The same token back means the start of the stream.
            if (!back || back === token)
                break;
            token = back;
        }
        return lines.slice(-wanted);
    }
}

// EXTERNAL MODULE: ./build/adapters/aws/read-pipeline.js
var read_pipeline = __webpack_require__(1702);
;// CONCATENATED MODULE: ./build/adapters/aws/snapshot.js
const EXECUTION_STATUSES = ['Cancelled', 'InProgress', 'Stopped', 'Stopping', 'Succeeded', 'Superseded', 'Failed'];
const STAGE_STATUSES = ['Cancelled', 'InProgress', 'Failed', 'Stopped', 'Stopping', 'Succeeded', 'Skipped'];
const ACTION_STATUSES = ['InProgress', 'Abandoned', 'Succeeded', 'Failed'];
function executionStatus(s) {
    // A status added to the API later is shown as still running rather than guessed as an outcome.
    return s && EXECUTION_STATUSES.includes(s) ? s : 'InProgress';
}
function stageStatus(s) {
    return s && STAGE_STATUSES.includes(s) ? s : 'InProgress';
}
function actionStatus(s) {
    return s && ACTION_STATUSES.includes(s) ? s : 'InProgress';
}
function iso(d) {
    return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined;
}
function isOurs(stage, id) {
    return stage.latestExecution?.pipelineExecutionId === id;
}
function waitsAt(stage, id) {
    const inbound = [...(stage.inboundExecutions ?? []), ...(stage.inboundExecution ? [stage.inboundExecution] : [])];
    return inbound.some((e) => e.pipelineExecutionId === id);
}
/** Stage status from our own action runs, as ListActionExecutions reported them. */
function statusFromActions(actions) {
    if (actions.some((a) => a.status === 'InProgress'))
        return 'InProgress';
    if (actions.some((a) => a.status === 'Failed'))
        return 'Failed';
    if (actions.some((a) => a.status === 'Abandoned'))
        return 'Stopped';
    if (actions.length > 0 && actions.every((a) => a.status === 'Succeeded'))
        return 'Succeeded';
    return 'NotStarted';
}
function fromState(name, run) {
    const a = { name, status: actionStatus(run.status) };
    if (run.summary)
        a.summary = run.summary;
    const changed = iso(run.lastStatusChange);
    if (changed)
        a.lastStatusChange = changed;
    if (run.token)
        a.token = run.token;
    if (run.externalExecutionId)
        a.externalExecutionId = run.externalExecutionId;
    if (run.externalExecutionUrl)
        a.externalExecutionUrl = run.externalExecutionUrl;
    if (run.errorDetails?.code)
        a.errorCode = run.errorDetails.code;
    if (run.errorDetails?.message)
        a.errorMessage = run.errorDetails.message;
    return a;
}
function withKnown(a, known) {
    if (!known)
        return a;
    const merged = { ...a };
    for (const key of ['startTime', 'outputVariables', 'configuration', 'inputArtifacts', 'summary', 'externalExecutionUrl', 'externalExecutionId']) {
        if (merged[key] === undefined && known[key] !== undefined)
            merged[key] = known[key];
    }
    return merged;
}
function withType(a, stage, p) {
    const t = p?.types.get(`${stage}/${a.name}`);
    if (t?.category && !a.category)
        a.category = t.category;
    if (t?.provider && !a.provider)
        a.provider = t.provider;
    return a;
}
function oursStage(stage, i) {
    const stageName = stage.stageName ?? '';
    const known = (i.memory?.actions ?? []).filter((k) => k.stage === stageName);
    const knownIds = new Set(known.map((k) => k.actionExecutionId).filter(Boolean));
    const start = i.memory?.startTime ? Date.parse(i.memory.startTime) : undefined;
    const actions = (stage.actionStates ?? []).map((s) => {
        const name = s.actionName ?? '';
        const run = s.latestExecution;
        const k = known.find((x) => x.name === name);
        if (!run)
            return withType(k ? stripStage({ ...k }) : { name, status: 'NotStarted' }, stageName, i.pipeline);
        const id = run.actionExecutionId;
        const stale = !(id && knownIds.has(id)) &&
            !k &&
            run.status !== 'InProgress' &&
            start !== undefined &&
            run.lastStatusChange instanceof Date &&
            run.lastStatusChange.getTime() < start;
        if (stale)
            return withType({ name, status: 'NotStarted' }, stageName, i.pipeline);
        const same = k && (!k.actionExecutionId || k.actionExecutionId === id) ? k : undefined;
        return withType(withKnown(fromState(name, run), same), stageName, i.pipeline);
    });
    return { name: stageName, status: stageStatus(stage.latestExecution?.status), actions };
}
function stripStage(a) {
    const { stage: _stage, actionExecutionId: _id, ...rest } = a;
    return rest;
}
function derivedStage(stage, i, how, status) {
    const stageName = stage.stageName ?? '';
    const known = (i.memory?.actions ?? []).filter((k) => k.stage === stageName);
    const actions = (stage.actionStates ?? []).map((s) => {
        const name = s.actionName ?? '';
        const k = known.find((x) => x.name === name);
        if (k && how === 'known')
            return withType(stripStage({ ...k }), stageName, i.pipeline);
        // A stage passed through, or an execution that succeeded, succeeded in every action.
        const done = status === 'Succeeded' ? 'Succeeded' : 'NotStarted';
        const details = k && (how === 'passed' || how === 'succeeded') ? stripStage({ ...k }) : { name };
        return withType({ ...details, status: done }, stageName, i.pipeline);
    });
    return { name: stageName, status, actions, derived: how };
}
/** A stage known to have succeeded: what was seen of it, finished, or its actions Succeeded. */
function succeeded(stage, i, seen, how) {
    if (!seen)
        return derivedStage(stage, i, how, 'Succeeded');
    const actions = seen.actions.map(({ token: _token, ...a }) => ({ ...a, status: 'Succeeded' }));
    return { ...seen, status: 'Succeeded', actions, derived: how };
}
const FINISHED = new Set(['Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Skipped']);
function toSnapshot(i) {
    return deriveSnapshot(i).snapshot;
}
/** The snapshot, and what to remember of it for the next one. */
function deriveSnapshot(i) {
    const id = i.executionId;
    const status = executionStatus(i.execution.status);
    const stages = i.state.stageStates ?? [];
    const lastOurs = stages.reduce((last, s, idx) => (isOurs(s, id) ? idx : last), -1);
    const waitingAt = stages.findIndex((s) => waitsAt(s, id));
    const entered = Math.max(lastOurs, i.memory?.entered ?? -1);
    const reached = Math.max(entered, waitingAt, i.memory?.waiting ?? -1);
    const rollback = i.execution.executionType === 'ROLLBACK';
    const ended = status !== 'InProgress' && status !== 'Stopping';
    const remembered = i.memory?.stages;
    const out = [];
    stages.forEach((stage, idx) => {
        const name = stage.stageName ?? '';
        const push = (s) => void out.push(s);
        if (isOurs(stage, id))
            return push(oursStage(stage, i));
        if (rollback)
            return push(derivedStage(stage, i, 'rollback', 'NotStarted'));
        const seen = remembered?.get(name);
        // Superseded happens only between stages: the last stage it entered had succeeded.
        if (idx < reached || (status === 'Superseded' && idx <= entered))
            return push(succeeded(stage, i, seen, 'passed'));
        if (status === 'Succeeded')
            return push(succeeded(stage, i, seen, 'succeeded'));
        if (seen && FINISHED.has(seen.status))
            return push({ ...seen, derived: 'remembered' });
        const known = (i.memory?.actions ?? []).filter((k) => k.stage === name);
        if (known.length > 0)
            return push(derivedStage(stage, i, 'known', statusFromActions(known)));
        const previous = out[idx - 1];
        if (status === 'Failed' && idx > 0 && idx - 1 === lastOursOrSeen(out) && previous?.status === 'Succeeded') {
            return push(derivedStage(stage, i, 'inferred', 'Failed'));
        }
        const everSeen = reached >= 0 || (remembered?.size ?? 0) > 0;
        return push(derivedStage(stage, i, !everSeen && ended ? 'unknown' : 'not-reached', 'NotStarted'));
    });
    const snap = {
        pipelineName: i.pipelineName,
        region: i.region,
        executionId: id,
        status,
        sourceRevisions: sourceRevisions(i),
        stages: out,
    };
    if (i.execution.statusSummary)
        snap.statusSummary = i.execution.statusSummary;
    if (i.execution.executionType === 'ROLLBACK' || i.execution.executionType === 'STANDARD')
        snap.executionType = i.execution.executionType;
    const target = i.execution.rollbackMetadata?.rollbackTargetPipelineExecutionId;
    if (target)
        snap.rollbackTargetExecutionId = target;
    if (i.memory?.startTime)
        snap.startTime = i.memory.startTime;
    const last = lastChange(out, i.memory?.lastUpdateTime);
    if (last)
        snap.lastUpdateTime = last;
    if (status === 'Superseded') {
        const by = supersededBy(i.state, id);
        if (by)
            snap.supersededBy = by;
    }
    return { snapshot: snap, entered: lastOurs, waiting: waitingAt };
}
/** The index of the last stage that is ours or was derived from certainty (passed, remembered). */
function lastOursOrSeen(stages) {
    let last = -1;
    stages.forEach((s, idx) => {
        if (s.derived === undefined || s.derived === 'passed' || s.derived === 'remembered' || s.derived === 'known')
            last = idx;
    });
    return last;
}
function lastChange(stages, fallback) {
    let best = fallback;
    for (const s of stages)
        for (const a of s.actions)
            if (a.lastStatusChange && (!best || a.lastStatusChange > best))
                best = a.lastStatusChange;
    return best;
}
/**
 * GetPipelineExecution names artifacts, not actions: map each artifact to the
 * source action that outputs it (known from GetPipeline), or to the only
 * action of a single-action source stage, or keep the artifact name.
 */
function sourceRevisions(i) {
    if (i.memory?.sourceRevisions?.length)
        return i.memory.sourceRevisions;
    const first = i.state.stageStates?.[0]?.actionStates ?? [];
    const arts = i.execution.artifactRevisions ?? [];
    return arts
        .filter((a) => a.revisionId)
        .map((a) => {
        const name = (a.name && i.pipeline?.sourceArtifacts.get(a.name)) || (first.length === 1 && arts.length === 1 ? first[0].actionName : undefined) || a.name || '';
        const r = { actionName: name, revisionId: a.revisionId ?? '' };
        if (a.revisionSummary)
            r.revisionSummary = a.revisionSummary;
        if (a.revisionUrl)
            r.revisionUrl = a.revisionUrl;
        return r;
    });
}
/**
 * Best known from the state alone: the execution now waiting where ours
 * waited, else the newest one to have entered the first stage (it started
 * after ours). The revision is that source action's current revision.
 */
function supersededBy(state, id) {
    const stages = state.stageStates ?? [];
    for (const s of stages) {
        const w = [...(s.inboundExecutions ?? []), ...(s.inboundExecution ? [s.inboundExecution] : [])].find((e) => e.pipelineExecutionId && e.pipelineExecutionId !== id);
        if (w?.pipelineExecutionId)
            return { executionId: w.pipelineExecutionId, ...revisionOf(stages[0], w.pipelineExecutionId) };
    }
    const first = stages[0];
    const newest = first?.latestExecution?.pipelineExecutionId;
    if (!newest || newest === id)
        return undefined;
    return { executionId: newest, ...revisionOf(first, newest) };
}
function revisionOf(first, executionId) {
    if (first?.latestExecution?.pipelineExecutionId !== executionId)
        return {};
    const rev = first.actionStates?.find((a) => a.currentRevision?.revisionId)?.currentRevision?.revisionId;
    return rev ? { revisionId: rev } : {};
}

;// CONCATENATED MODULE: ./build/adapters/aws/pipeline.js



/** How long a pipeline's definition (GetPipeline) is reused: stage names and action types change rarely. */
const DEFINITION_TTL_MS = 30_000;
function summaryOf(s) {
    const out = {
        executionId: s.pipelineExecutionId ?? '',
        status: executionStatus(s.status),
        sourceRevisions: (s.sourceRevisions ?? []).map((r) => {
            const rev = { actionName: r.actionName ?? '', revisionId: r.revisionId ?? '' };
            if (r.revisionSummary)
                rev.revisionSummary = r.revisionSummary;
            if (r.revisionUrl)
                rev.revisionUrl = r.revisionUrl;
            return rev;
        }),
    };
    if (s.statusSummary)
        out.statusSummary = s.statusSummary;
    const start = iso(s.startTime);
    if (start)
        out.startTime = start;
    const last = iso(s.lastUpdateTime);
    if (last)
        out.lastUpdateTime = last;
    if (s.executionType === 'ROLLBACK' || s.executionType === 'STANDARD')
        out.executionType = s.executionType;
    const target = s.rollbackMetadata?.rollbackTargetPipelineExecutionId;
    if (target)
        out.rollbackTargetExecutionId = target;
    if (s.trigger?.triggerType)
        out.triggerType = s.trigger.triggerType;
    return out;
}
function artifacts(list) {
    if (!list?.length)
        return undefined;
    return list.map((a) => {
        const loc = { name: a.name ?? '' };
        if (a.s3location?.bucket)
            loc.bucket = a.s3location.bucket;
        if (a.s3location?.key)
            loc.key = a.s3location.key;
        return loc;
    });
}
function rowOf(d) {
    const status = d.status;
    const row = {
        stage: d.stageName ?? '',
        name: d.actionName ?? '',
        status: status === 'InProgress' || status === 'Abandoned' || status === 'Succeeded' || status === 'Failed' ? status : 'InProgress',
    };
    if (d.actionExecutionId)
        row.actionExecutionId = d.actionExecutionId;
    const type = d.input?.actionTypeId;
    if (type?.category)
        row.category = type.category;
    if (type?.provider)
        row.provider = type.provider;
    const start = iso(d.startTime);
    if (start)
        row.startTime = start;
    const last = iso(d.lastUpdateTime);
    if (last)
        row.lastStatusChange = last;
    const result = d.output?.executionResult;
    if (result?.externalExecutionSummary)
        row.summary = result.externalExecutionSummary;
    if (result?.externalExecutionId)
        row.externalExecutionId = result.externalExecutionId;
    if (result?.externalExecutionUrl)
        row.externalExecutionUrl = result.externalExecutionUrl;
    if (result?.errorDetails?.code)
        row.errorCode = result.errorDetails.code;
    if (result?.errorDetails?.message)
        row.errorMessage = result.errorDetails.message;
    if (d.output?.outputVariables && Object.keys(d.output.outputVariables).length > 0)
        row.outputVariables = { ...d.output.outputVariables };
    const config = d.input?.resolvedConfiguration ?? d.input?.configuration;
    if (config && Object.keys(config).length > 0)
        row.configuration = { ...config };
    const inputs = artifacts(d.input?.inputArtifacts);
    if (inputs)
        row.inputArtifacts = inputs;
    return row;
}
/**
 * CodePipeline through the SDK. It remembers, per execution, what the cheap
 * calls taught it (start time and revisions from ListPipelineExecutions, the
 * last ListActionExecutions answer, action types from GetPipeline) so that
 * snapshot() stays at two calls and still fills what GetPipelineState lacks.
 */
class AwsPipeline {
    sdk;
    client;
    region;
    logger;
    executions = new Map();
    pipelines = new Map();
    definitions = new Map();
    constructor(sdk, client, region, logger) {
        this.sdk = sdk;
        this.client = client;
        this.region = region;
        this.logger = logger;
    }
    memory(id) {
        let m = this.executions.get(id);
        if (!m)
            this.executions.set(id, (m = {}));
        return m;
    }
    pipelineMemory(name) {
        let m = this.pipelines.get(name);
        if (!m)
            this.pipelines.set(name, (m = { types: new Map(), sourceArtifacts: new Map() }));
        return m;
    }
    async listExecutions(o) {
        const res = await this.client.send(new this.sdk.ListPipelineExecutionsCommand({ pipelineName: o.pipelineName, ...(o.maxResults ? { maxResults: o.maxResults } : {}), ...(o.nextToken ? { nextToken: o.nextToken } : {}) }));
        const items = (res.pipelineExecutionSummaries ?? []).map(summaryOf);
        for (const item of items) {
            const m = this.memory(item.executionId);
            if (item.startTime)
                m.startTime = item.startTime;
            if (item.lastUpdateTime)
                m.lastUpdateTime = item.lastUpdateTime;
            if (item.sourceRevisions.length > 0)
                m.sourceRevisions = item.sourceRevisions;
        }
        return res.nextToken ? { items, nextToken: res.nextToken } : { items };
    }
    /**
     * GetPipeline, read once per pipeline for a short while and shared by
     * concurrent callers: the app's pooled clients serve every tracker of a
     * region, and a burst of pushes would otherwise read the same definition
     * once per commit. A failed read is not kept.
     */
    getPipeline(name, o = {}) {
        const now = Date.now();
        const hit = this.definitions.get(name);
        if (hit && !o.fresh && now - hit.at < DEFINITION_TTL_MS)
            return hit.read;
        const read = this.client.send(new this.sdk.GetPipelineCommand({ name }));
        if (this.definitions.size >= 1_000)
            this.definitions.clear();
        this.definitions.set(name, { at: now, read });
        read.catch(() => {
            if (this.definitions.get(name)?.read === read)
                this.definitions.delete(name);
        });
        return read;
    }
    async sourceActions(pipelineName) {
        const res = await this.getPipeline(pipelineName);
        const mem = this.pipelineMemory(pipelineName);
        const sources = [];
        for (const stage of res.pipeline?.stages ?? []) {
            for (const action of stage.actions ?? []) {
                const type = action.actionTypeId;
                mem.types.set(`${stage.name}/${action.name}`, { category: type?.category, provider: type?.provider });
                if (type?.category === 'Source') {
                    sources.push({ name: action.name ?? '', provider: type.provider ?? '' });
                    for (const out of action.outputArtifacts ?? [])
                        if (out.name)
                            mem.sourceArtifacts.set(out.name, action.name ?? '');
                }
            }
        }
        return sources;
    }
    async start(o) {
        const res = await this.client.send(new this.sdk.StartPipelineExecutionCommand({
            name: o.pipelineName,
            clientRequestToken: o.clientRequestToken,
            ...(o.sourceRevisions?.length ? { sourceRevisions: o.sourceRevisions } : {}),
        }));
        const id = res.pipelineExecutionId;
        if (!id)
            throw new Error(`StartPipelineExecution on ${o.pipelineName} returned no execution id`);
        if (o.sourceRevisions?.length) {
            this.memory(id).sourceRevisions = o.sourceRevisions.map((r) => ({ actionName: r.actionName, revisionId: r.revisionValue }));
        }
        return id;
    }
    async snapshot(o) {
        // Execution first: a stage state read after it can only be newer, never older.
        const exec = await this.client.send(new this.sdk.GetPipelineExecutionCommand({ pipelineName: o.pipelineName, pipelineExecutionId: o.executionId }));
        const state = await this.client.send(new this.sdk.GetPipelineStateCommand({ name: o.pipelineName }));
        const mem = this.memory(o.executionId);
        const { snapshot, entered, waiting } = deriveSnapshot({
            pipelineName: o.pipelineName,
            region: this.region,
            executionId: o.executionId,
            execution: exec.pipelineExecution ?? {},
            state,
            memory: mem,
            pipeline: this.pipelines.get(o.pipelineName),
        });
        // Keep what this state showed of ours: a newer execution may hide it from the next one.
        mem.entered = Math.max(mem.entered ?? -1, entered);
        mem.waiting = Math.max(mem.waiting ?? -1, waiting);
        mem.stages ??= new Map();
        for (const stage of snapshot.stages)
            if (stage.derived === undefined)
                mem.stages.set(stage.name, stage);
        return snapshot;
    }
    async actionExecutions(o) {
        const rows = [];
        let nextToken;
        do {
            const res = await this.client.send(new this.sdk.ListActionExecutionsCommand({
                pipelineName: o.pipelineName,
                filter: { pipelineExecutionId: o.executionId },
                maxResults: 100,
                ...(nextToken ? { nextToken } : {}),
            }));
            for (const d of res.actionExecutionDetails ?? []) {
                // The filter is the server's job, but a row of another execution must never leak in.
                if (d.pipelineExecutionId && d.pipelineExecutionId !== o.executionId)
                    continue;
                rows.push(rowOf(d));
            }
            nextToken = res.nextToken;
        } while (nextToken);
        const latest = latestPerAction(rows);
        const mem = this.memory(o.executionId);
        mem.actions = latest;
        const starts = latest.map((r) => r.startTime).filter((s) => Boolean(s)).sort();
        if (!mem.startTime && starts.length > 0)
            mem.startTime = starts[0];
        const types = this.pipelineMemory(o.pipelineName).types;
        for (const r of latest)
            if (r.category || r.provider)
                types.set(`${r.stage}/${r.name}`, { category: r.category, provider: r.provider });
        return latest;
    }
    /** GetPipeline: the stage names in order (the app queues one check run per stage before the execution appears). */
    async stageNames(pipelineName) {
        const res = await this.getPipeline(pipelineName);
        return (res.pipeline?.stages ?? []).map((s) => s.name ?? '').filter(Boolean);
    }
    /**
     * GetPipeline as the drift compares it (the app's tracker reads it on the
     * clients it already holds); never throws. Always read afresh: a user who
     * fixed the pipeline in AWS and re-runs wants to see the drift gone.
     */
    definition(pipelineName) {
        return (0,read_pipeline/* readPipeline */.l)({ sdk: this.sdk, client: this.client, region: this.region, get: (name) => this.getPipeline(name, { fresh: true }) }, pipelineName);
    }
    /** RetryStageExecution of the stage's failed actions only; the execution keeps its id. */
    async retryStage(o) {
        const res = await this.client.send(new this.sdk.RetryStageExecutionCommand({ pipelineName: o.pipelineName, pipelineExecutionId: o.executionId, stageName: o.stageName, retryMode: 'FAILED_ACTIONS' }));
        return res.pipelineExecutionId ?? o.executionId;
    }
    async stop(o) {
        try {
            await this.client.send(new this.sdk.StopPipelineExecutionCommand({
                pipelineName: o.pipelineName,
                pipelineExecutionId: o.executionId,
                reason: o.reason.slice(0, 200),
                abandon: o.abandon ?? false,
            }));
        }
        catch (err) {
            // Already finished or already stopping: the wish is fulfilled, nothing to report as a failure.
            const name = (0,errors/* errorName */.I)(err);
            if (name === 'PipelineExecutionNotStoppableException' || name === 'DuplicatedStopRequestException') {
                this.logger?.info(`Execution ${o.executionId} was not stopped: ${err.message}`);
                return;
            }
            throw err;
        }
    }
}
/** Stage retries run an action again: keep each action's newest run (by start time, then position). */
function latestPerAction(rows) {
    const byKey = new Map();
    for (const r of rows) {
        const key = `${r.stage}/${r.name}`;
        const prev = byKey.get(key);
        if (!prev || (r.startTime ?? '') > (prev.startTime ?? ''))
            byKey.set(key, r);
    }
    return [...byKey.values()];
}

;// CONCATENATED MODULE: ./build/adapters/aws/index.js





/**
 * The AWS side of the tracker, on the SDK v3 clients. The SDK is imported here,
 * on demand, so that the check mode never loads it. Credentials come from the
 * SDK's default chain (environment, web identity from
 * aws-actions/configure-aws-credentials, shared files, container and instance
 * roles); nothing here takes keys.
 */
async function createAwsPorts(options) {
    if (!options.region)
        throw new Error('No AWS region: set the aws-region input or AWS_REGION');
    const [cp, ecr, cb, logs, s3] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(609), __webpack_require__.e(861), __webpack_require__.e(232)]).then(__webpack_require__.t.bind(__webpack_require__, 8232, 19)),
        Promise.all(/* import() */[__webpack_require__.e(609), __webpack_require__.e(861), __webpack_require__.e(249)]).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19)),
        Promise.all(/* import() */[__webpack_require__.e(609), __webpack_require__.e(861), __webpack_require__.e(774)]).then(__webpack_require__.t.bind(__webpack_require__, 4774, 19)),
        Promise.all(/* import() */[__webpack_require__.e(609), __webpack_require__.e(861), __webpack_require__.e(303)]).then(__webpack_require__.t.bind(__webpack_require__, 2684, 19)),
        Promise.all(/* import() */[__webpack_require__.e(609), __webpack_require__.e(861), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19)),
    ]);
    const [cpConfig, ecrConfig, cbConfig, logsConfig, s3Config] = await Promise.all([
        (0,config/* clientConfig */.yO)('codepipeline', options),
        (0,config/* clientConfig */.yO)('ecr', options),
        (0,config/* clientConfig */.yO)('codebuild', options),
        (0,config/* clientConfig */.yO)('logs', options),
        (0,config/* clientConfig */.yO)('s3', options),
    ]);
    // A local or private S3 endpoint has no per-bucket host names: address buckets in the path.
    if ((0,config/* overriddenEndpoint */.a4)('s3', options))
        s3Config.forcePathStyle = true;
    const clients = {
        codepipeline: new cp.CodePipelineClient(cpConfig),
        ecr: new ecr.ECRClient(ecrConfig),
        codebuild: new cb.CodeBuildClient(cbConfig),
        logs: new logs.CloudWatchLogsClient(logsConfig),
        s3: new s3.S3Client(s3Config),
    };
    return {
        pipeline: new AwsPipeline(cp, clients.codepipeline, options.region, options.logger),
        images: new AwsImages({ sdk: ecr, client: clients.ecr }, { sdk: s3, client: clients.s3 }, options.region, options.logger),
        logs: new AwsBuildLogs({ sdk: cb, client: clients.codebuild }, { sdk: logs, client: clients.logs }, options.logger),
        destroy: () => {
            for (const c of Object.values(clients))
                c.destroy();
        },
    };
}


/***/ }),

/***/ 1702:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ readPipeline)
/* harmony export */ });
/* harmony import */ var _unavailable_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(517);

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
        return (0,_unavailable_js__WEBPACK_IMPORTED_MODULE_0__/* .unavailable */ .hU)(e, {
            what: `the pipeline ${name}`,
            action: 'codepipeline:GetPipeline',
            resource: `arn:${(0,_unavailable_js__WEBPACK_IMPORTED_MODULE_0__/* .partitionOf */ .iQ)(c.region)}:codepipeline:${c.region}:*:${name}`,
            missing: { PipelineNotFoundException: `there is no pipeline ${name} in ${c.region}; check the pipeline name and region` },
        });
    }
}


/***/ }),

/***/ 517:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hU: () => (/* binding */ unavailable),
/* harmony export */   iQ: () => (/* binding */ partitionOf)
/* harmony export */ });
/* unused harmony export accountIn */
/* harmony import */ var _core_error_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(370);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2348);


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
    const name = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorName */ .I)(err) ?? '';
    const message = (0,_core_error_text_js__WEBPACK_IMPORTED_MODULE_1__/* .errorText */ .k)(err);
    if (DENIED.has(name) || ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatus */ .n)(err) === 403 && !BAD_CREDENTIALS.has(name))) {
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


/***/ })

};
