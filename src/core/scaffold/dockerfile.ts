import type { Runtime, ScaffoldOptions } from './options.js';

/** Official images through ECR Public: same images as Docker Hub, without its anonymous pull limit in CodeBuild. */
const LIBRARY = 'public.ecr.aws/docker/library';

export const NODE_VERSIONS = ['22', '24', '26'];
const NODE_DEFAULT = '24';

/** The command the task definition's healthCheck runs, with a tool the final image has. */
export function healthCommand(o: ScaffoldOptions): string {
  const url = `http://localhost:${o.port}${o.healthPath}`;
  // python:*-slim has neither curl nor wget, but Python itself can fetch a URL.
  if (o.runtime === 'python') return `python -c "import urllib.request; urllib.request.urlopen('${url}', timeout=4)" || exit 1`;
  // Every other final image is Alpine or BusyBox, whose wget is built in (curl is not there).
  return `wget -q -O /dev/null ${url} || exit 1`;
}

/** Seconds a new task may take to start before failed checks count: the JVM is slow to warm up. */
export function startPeriod(runtime: Runtime): number {
  return runtime === 'java' ? 60 : 15;
}

/** Paths the container writes to, mounted as volumes because the root filesystem is read-only. */
export function writablePaths(_runtime: Runtime): string[] {
  return ['/tmp'];
}

export function dockerfile(o: ScaffoldOptions): string {
  switch (o.runtime) {
    case 'node':
      return nodeDockerfile(o);
    case 'python':
      return pythonDockerfile(o);
    case 'java':
      return javaDockerfile(o);
    case 'go':
      return goDockerfile(o);
    case 'static':
      return staticDockerfile(o);
  }
}

function nodeDockerfile(o: ScaffoldOptions): string {
  const version = o.nodeVersion && NODE_VERSIONS.includes(o.nodeVersion) ? o.nodeVersion : NODE_DEFAULT;
  const image = `${LIBRARY}/node:${version}-alpine`;
  const install = o.lockfile === false
    ? 'COPY package.json ./\n# No package-lock.json yet: commit one and switch to `npm ci --omit=dev` for reproducible builds\nRUN npm install --omit=dev'
    : 'COPY package.json package-lock.json ./\nRUN npm ci --omit=dev';
  return `# ${o.name}: Node.js service image, built by CodeBuild (buildspec.yml)
# Dependencies are installed in their own stage so that the layer is cached between builds.
FROM ${image} AS deps
WORKDIR /app
${install}

FROM ${image}
ENV NODE_ENV=production PORT=${o.port}
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node . .
# The official image has an unprivileged "node" user (uid 1000).
USER node
EXPOSE ${o.port}
# No HEALTHCHECK here: ECS ignores it; the task definition's healthCheck runs busybox wget.
CMD ["node", "${o.entry ?? 'server.js'}"]
`;
}

function pythonDockerfile(o: ScaffoldOptions): string {
  const image = `${LIBRARY}/python:3.13-slim`;
  return `# ${o.name}: Python service image, built by CodeBuild (buildspec.yml)
# Dependencies go into a virtual environment in a build stage; only the environment is copied on.
FROM ${image} AS build
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt

FROM ${image}
# The root filesystem is read-only on ECS: no .pyc files, and logs go straight to stdout.
ENV PATH=/opt/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PORT=${o.port}
WORKDIR /app
COPY --from=build /opt/venv /opt/venv
COPY . .
USER 10001
EXPOSE ${o.port}
# No HEALTHCHECK here: ECS ignores it; the task definition's healthCheck runs python itself.
CMD ["python", "app.py"]
`;
}

function javaDockerfile(o: ScaffoldOptions): string {
  return `# ${o.name}: Java service image, built by CodeBuild (buildspec.yml)
# Maven builds the jar; the final image has only a JRE and the jar.
FROM ${LIBRARY}/maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests && cp target/*.jar /app.jar

FROM ${LIBRARY}/eclipse-temurin:21-jre-alpine
ENV PORT=${o.port}
WORKDIR /app
COPY --from=build /app.jar ./app.jar
USER 10001
EXPOSE ${o.port}
# No HEALTHCHECK here: ECS ignores it; the task definition's healthCheck runs busybox wget.
CMD ["java", "-XX:MaxRAMPercentage=75", "-jar", "app.jar"]
`;
}

function goDockerfile(o: ScaffoldOptions): string {
  return `# ${o.name}: Go service image, built by CodeBuild (buildspec.yml)
FROM ${LIBRARY}/golang:1.26-alpine AS build
WORKDIR /src
COPY go.* ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app .

# A static binary on Alpine rather than scratch, so that the health check has wget.
FROM ${LIBRARY}/alpine:3.22
ENV PORT=${o.port}
COPY --from=build /out/app /usr/local/bin/app
# 65534 is "nobody".
USER 65534
EXPOSE ${o.port}
# No HEALTHCHECK here: ECS ignores it; the task definition's healthCheck runs busybox wget.
ENTRYPOINT ["/usr/local/bin/app"]
`;
}

function staticDockerfile(o: ScaffoldOptions): string {
  return `# ${o.name}: static site served by BusyBox httpd, built by CodeBuild (buildspec.yml)
# The site's files are expected in public/.
FROM ${LIBRARY}/busybox:1.37
COPY public/ /www/
# 65534 is "nobody"; httpd needs no root for a port above 1023 and writes nothing.
USER 65534
EXPOSE ${o.port}
# No HEALTHCHECK here: ECS ignores it; the task definition's healthCheck runs busybox wget.
CMD ["httpd", "-f", "-v", "-p", "${o.port}", "-h", "/www"]
`;
}

export function dockerignore(o: ScaffoldOptions): string {
  const common = ['.git', '.github', 'aws', 'Dockerfile', '.dockerignore', 'buildspec.yml', 'pipeline.json', 'taskdef.json', 'appspec.yaml', 'imageDetail.json'];
  const extra: Record<Runtime, string[]> = {
    node: ['node_modules', 'npm-debug.log'],
    python: ['__pycache__', '*.pyc', '.venv', 'venv'],
    java: ['target'],
    go: [],
    static: [],
  };
  return `# Keeps the build context small and secrets out of the image\n${[...common, ...extra[o.runtime]].join('\n')}\n`;
}
