import { writtenFiles } from '../../config/buildspec.js';
import { child, entry, items, str } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { DOCKER_PUSH } from './patterns.js';
import { scanCommands, type ScannedCommand } from './scan.js';
import { buildspecs, commandRange, phase } from './util.js';

/** Files CodeDeployToECS and the ECS deploy action read: writing them announces a new image. */
const DEPLOY_FILE = /(?:^|\/)(?:imageDetail\.json|imagedefinitions\.json|taskdef[^/]*\.json|task[-_]?def(?:inition)?[^/]*\.json|appspec[^/]*\.(?:ya?ml|json))$/i;
const GUARD = 'CODEBUILD_BUILD_SUCCEEDING';

interface Risky {
  command: ScannedCommand;
  offset: number;
  end: number;
  what: string;
}

/** BS-11: pushes and deploy files in post_build that run even when the build failed. */
export const bs11PostBuildGuard: Rule = {
  id: 'BS-11',
  title: 'post_build runs after a failed build',
  severity: 'warning',
  files: ['buildspec'],
  docs: {
    what:
      '`docker push` and the writing of imageDetail.json, imagedefinitions.json, the task definition or the AppSpec in `post_build` come after a check of `CODEBUILD_BUILD_SUCCEEDING` (e.g. `[ "$CODEBUILD_BUILD_SUCCEEDING" = 1 ] || exit 1` as the first post_build command), or the `build` phase has `on-failure: ABORT`.',
    why:
      'CodeBuild moves on to `post_build` when the `build` phase fails, and always tries UPLOAD_ARTIFACTS. Unguarded, a failed `docker build` still pushes an old or missing tag and still hands the deploy stage an imageDetail.json for an image that was never built; CodeDeploy then starts tasks that cannot pull it.',
    bad: [{ file: 'buildspec.yml', text: 'version: 0.2\nphases:\n  build:\n    commands:\n      - docker build -t $ECR_REPO:$IMAGE_TAG .\n  post_build:\n    commands:\n      - docker push $ECR_REPO:$IMAGE_TAG\n      - printf \'{"ImageURI":"%s"}\' $ECR_REPO:$IMAGE_TAG > imageDetail.json\n' }],
    good: [
      {
        file: 'buildspec.yml',
        text: 'version: 0.2\nphases:\n  build:\n    commands:\n      - docker build -t $ECR_REPO:$IMAGE_TAG .\n  post_build:\n    commands:\n      - \'[ "$CODEBUILD_BUILD_SUCCEEDING" = 1 ] || exit 1\'\n      - docker push $ECR_REPO:$IMAGE_TAG\n      - printf \'{"ImageURI":"%s"}\' $ECR_REPO:$IMAGE_TAG > imageDetail.json\n',
      },
    ],
  },
  check({ project, report }) {
    for (const { doc, root } of buildspecs(project)) {
      const build = phase(root, 'build');
      // With nothing that can fail in build, or a build that aborts, post_build only runs after success.
      if (items(child(build, 'commands')).length === 0 || str(child(build, 'on-failure'))?.trim() === 'ABORT') continue;
      if (!entry(phase(root, 'post_build'), 'commands') && !entry(phase(root, 'post_build'), 'finally')) continue;
      const scanned = scanCommands(root);
      for (const list of ['post_build', 'post_build.finally']) {
        const risky = unguarded(scanned.filter((c) => c.command.phase === list));
        if (risky.length === 0) continue;
        const first = risky[0];
        const others = [...new Set(risky.slice(1).map((r) => r.what).filter((w) => w !== first.what))];
        report({
          doc,
          range: commandRange(doc, first.command.command, first.offset, first.end),
          message:
            `post_build runs even when the build phase failed, so this ${first.what}${others.length ? ` (and ${others.join(', ')})` : ''} would hand on an image that may not exist; ` +
            `start post_build with '[ "$CODEBUILD_BUILD_SUCCEEDING" = 1 ] || exit 1', or set "on-failure: ABORT" on the build phase`,
        });
      }
    }
  },
};

/** Risky steps of one command list that no earlier check of CODEBUILD_BUILD_SUCCEEDING protects. */
function unguarded(list: ScannedCommand[]): Risky[] {
  const out: Risky[] = [];
  for (const c of list) {
    const guard = c.plain.indexOf(GUARD);
    const steps: Risky[] = [];
    DOCKER_PUSH.lastIndex = 0;
    for (const m of c.code.matchAll(DOCKER_PUSH)) {
      steps.push({ command: c, offset: m.index!, end: m.index! + m[0].length, what: 'docker push' });
    }
    for (const w of writtenFiles([c.command])) {
      if (DEPLOY_FILE.test(w.path)) steps.push({ command: c, offset: w.offset, end: w.offset + w.path.length, what: `write of ${w.path.replace(/^.*\//, '')}` });
    }
    steps.sort((a, b) => a.offset - b.offset);
    for (const s of steps) if (guard < 0 || guard > s.offset) out.push(s);
    if (guard >= 0) break;
  }
  return out;
}
