import { kindByName } from '../../core/config/detect.js';
import { DEFAULTS, scaffoldFiles } from '../../core/scaffold/index.js';
import { CONFIG_PATH } from '../config.js';
import { DEFAULT_SOURCES } from './values.js';

// The paths scaffold writes do not depend on the values (`embed` writes a subset of them).
const SCAFFOLD_PATHS = new Set(scaffoldFiles({ ...DEFAULTS, name: 'app', port: 8080, region: 'us-east-1', account: '000000000000', repo: 'o/r', staging: true, approval: true, embed: false }).keys());

/** GitHub lists at most 20 commits in a push event: more may hide any change. */
const LISTED = 20;

interface PushedCommit {
  added?: string[];
  modified?: string[];
  removed?: string[];
}

/**
 * Whether a push to the default branch may change the onboarding pull
 * request: it touches the config, a file the values come from, a file the
 * pull request adds, or a pipeline file. Other pushes cost no API request.
 */
export function pushConcernsOnboarding(commits: readonly PushedCommit[]): boolean {
  if (commits.length >= LISTED) return true;
  const relevant = (p: string) => p === CONFIG_PATH || p === 'package-lock.json' || DEFAULT_SOURCES.includes(p) || SCAFFOLD_PATHS.has(p) || kindByName(p) !== undefined;
  return commits.some((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])].some(relevant));
}
