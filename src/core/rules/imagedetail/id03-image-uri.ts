import { entry, str } from '../../config/node.js';
import { docsOf } from '../../model.js';
import { printedImageDetails, SAMPLE } from './util.js';
import type { Rule } from '../rule.js';

// ECR RepositoryName and ImageTag constraints (ECR API model); Docker's reference grammar is the same for the path.
const REPOSITORY = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,299}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const ECR_HOST = /\.dkr\.ecr[.-]/;
const ECR_REGISTRY = /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;
const EXAMPLE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:1a2b3c4';
const TEMPLATE = /\$|%[sd]|<[^<>]*>|\{\{|#\{/;

/** ID-03: ImageURI is a pullable image reference, pinned to a tag that does not move. */
export const id03ImageUri: Rule = {
  id: 'ID-03',
  title: 'ImageURI malformed or mutable',
  severity: 'warning',
  files: ['imagedetail', 'buildspec'],
  docs: {
    what:
      '`ImageURI` has the form `registry/repository:tag` or `registry/repository@sha256:<digest>`: a lower-case repository path (`myapp`, `team/myapp`), a tag of 1 to 300 letters, digits, `_`, `.` and `-`, ' +
      'and, for ECR, a registry `<12-digit account>.dkr.ecr.<region>.amazonaws.com`. A mutable tag (`:latest`) or no tag at all is reported too.',
    why:
      'A malformed URI makes the task definition registration or the image pull fail. With `:latest`, the task definition does not say which build it runs: ' +
      'a rollback or a scale-out later pulls whatever `latest` is then. Tag each image with the commit (`$CODEBUILD_RESOLVED_SOURCE_VERSION`), or use the digest as AWS\'s own example does.',
    bad: [{ file: 'imageDetail.json', text: '{ "ImageURI": "123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:latest" }\n' }],
    good: [{ file: 'imageDetail.json', text: `{ "ImageURI": "${EXAMPLE}" }\n` }],
  },
  check({ project, report }) {
    for (const doc of docsOf(project, 'imagedetail')) {
      const node = entry(doc.root, 'ImageURI')?.value;
      const uri = str(node)?.trim();
      // Values still to be filled in, and `$VAR` text a quoted heredoc leaves literal, which XF-12 reports.
      if (!node || uri === undefined || uri === '' || TEMPLATE.test(uri)) continue;
      const problem = uriProblem(uri);
      if (problem) report({ doc, range: node.range, message: problem });
    }
    for (const p of printedImageDetails(project)) {
      const raw = p.value !== null && typeof p.value === 'object' && !Array.isArray(p.value) ? (p.value as Record<string, unknown>).ImageURI : undefined;
      if (typeof raw !== 'string' || raw.trim() === '' || TEMPLATE.test(raw)) continue;
      const uri = raw.trim();
      // Only the literal text around a variable or %s is known: its tag, when the command writes one.
      const problem = !uri.includes(SAMPLE)
        ? uriProblem(uri)
        : /:latest$/.test(uri)
          ? 'ImageURI ends with the mutable tag "latest", so the task definition does not pin the build it deploys; write the tag pushed for this build (e.g. $IMAGE_TAG from the commit) or the image digest'
          : undefined;
      if (problem) report({ doc: p.write.doc, range: p.range, message: problem });
    }
  },
};

export function uriProblem(uri: string): string | undefined {
  if (/\s/.test(uri)) return `ImageURI "${uri}" contains spaces; write one image reference such as ${EXAMPLE}`;
  const at = uri.indexOf('@');
  const digest = at >= 0 ? uri.slice(at + 1) : undefined;
  const name = at >= 0 ? uri.slice(0, at) : uri;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > slash ? name.slice(colon + 1) : undefined;
  const path = colon > slash ? name.slice(0, colon) : name;
  const parts = path.split('/');
  const hasRegistry = parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost');
  const registry = hasRegistry ? parts[0] : undefined;
  const repository = hasRegistry ? parts.slice(1).join('/') : path;

  if (registry && ECR_HOST.test(registry) && !ECR_REGISTRY.test(registry)) {
    return `ImageURI "${uri}" has the ECR registry "${registry}", which is malformed; it is <12-digit account ID>.dkr.ecr.<region>.amazonaws.com`;
  }
  if (!REPOSITORY.test(repository)) {
    const lower = /[A-Z]/.test(repository) ? ' (repository names are lower-case)' : '';
    return `ImageURI "${uri}": "${repository}" is not a valid repository name${lower}; write registry/repository:tag, e.g. ${EXAMPLE}`;
  }
  if (registry && ECR_HOST.test(registry) && (repository.length < 2 || repository.length > 256)) {
    return `ImageURI "${uri}": an ECR repository name has 2 to 256 characters`;
  }
  if (digest !== undefined) return DIGEST.test(digest) ? undefined : `ImageURI "${uri}": "@${digest}" is not an image digest; a digest is sha256: followed by 64 hexadecimal digits`;
  if (tag === undefined) return `ImageURI "${uri}" has no tag, so the image pulled is whatever "latest" is at the time; add the tag the build pushed, e.g. ${path}:1a2b3c4`;
  if (!TAG.test(tag)) return `ImageURI "${uri}": the tag "${tag}" is not valid; a tag is 1 to 300 letters, digits, "_", "." and "-", and does not start with "." or "-"`;
  if (tag === 'latest') {
    return `ImageURI "${uri}" uses the mutable tag "latest", so the task definition does not pin the build it deploys; push and write a tag per build (e.g. the commit, ${path}:1a2b3c4) or the image digest`;
  }
  return undefined;
}
