/**
 * Writes the rendered check runs to GitHub: a create for each run the commit
 * does not have yet, an update only when what a user sees changed, and commit
 * statuses (same names as contexts) for `report: statuses | both` or when the
 * token may not write check runs.
 */
import type { CheckRunModel } from '../../core/pipeline/check-run.js';
import { type KnownRun, knownFromExisting, planWrites, statusFingerprint } from '../../core/pipeline/changes.js';
import { commitStatusFor } from '../../core/pipeline/conclusions.js';
import type { ChecksPort, ExistingCheckRun, Logger, StatusesPort } from '../ports.js';
import type { ReportMode, TrackCounts } from './options.js';
import { errorText } from '../../core/error-text.js';

/**
 * The GitHub adapter throws an error named `ChecksForbiddenError` for a 403 on
 * the check-runs endpoints (see src/adapters/github/errors.ts); matched by name
 * so that the service does not depend on the adapter.
 */
export function isChecksForbidden(e: unknown): boolean {
  return e instanceof Error && e.name === 'ChecksForbiddenError';
}

/**
 * The runs on the commit that this tracker wrote, in this or an earlier
 * workflow run: same name, and an external id of ours (`<execution>` for the
 * execution's run, `<execution>/<stage>` for a stage's). A job's own check run
 * or another app's run that happens to share a name is left alone.
 */
export function ours(existing: readonly ExistingCheckRun[], runs: readonly CheckRunModel[]): ExistingCheckRun[] {
  const wanted = new Map(runs.map((r) => [r.name, r.externalId]));
  const stageRunsOf = new Set(existing.map((e) => e.externalId?.split('/')).filter((p): p is string[] => p !== undefined && p.length === 2).map((p) => p[0]));
  return existing.filter((e) => {
    const expected = wanted.get(e.name);
    if (!e.externalId || expected === undefined) return false;
    if (e.externalId === expected) return true;
    const slash = expected.indexOf('/');
    // An earlier execution of the same commit: its stage runs carry the stage name after the id.
    if (slash >= 0) return e.externalId.includes('/') && e.externalId.slice(e.externalId.indexOf('/') + 1) === expected.slice(slash + 1);
    return !e.externalId.includes('/') && stageRunsOf.has(e.externalId);
  });
}

export interface ReporterPorts {
  checks?: ChecksPort;
  statuses?: StatusesPort;
  logger: Logger;
}

export class Reporter {
  private checksOn: boolean;
  private statusesOn: boolean;
  /** Check runs by name: ours, or found on the commit (a re-run of the workflow). */
  private known = new Map<string, KnownRun>();
  /** Check runs are listed before the first write, and again after a create that failed (it may have gone through). */
  private needsList = true;
  private statusPrints = new Map<string, string>();
  private fellBack = false;

  constructor(
    mode: ReportMode,
    private readonly sha: string,
    private readonly ports: ReporterPorts,
    private readonly counts: TrackCounts,
  ) {
    this.checksOn = (mode === 'checks' || mode === 'both') && ports.checks !== undefined;
    this.statusesOn = (mode === 'statuses' || mode === 'both') && ports.statuses !== undefined;
    if ((mode === 'checks' || mode === 'both') && !ports.checks) ports.logger.warning('No GitHub client for check runs; nothing is reported as check runs.');
    if ((mode === 'statuses' || mode === 'both') && !ports.statuses) ports.logger.warning('No GitHub client for commit statuses; nothing is reported as commit statuses.');
  }

  /** Whether anything goes to GitHub. */
  get active(): boolean {
    return this.checksOn || this.statusesOn;
  }

  /** Check run ids by name (for tests and logs). */
  get checkRunIds(): ReadonlyMap<string, number> {
    return new Map([...this.known].map(([k, v]) => [k, v.id]));
  }

  /** Writes what changed; returns the number of writes made. Never throws for GitHub trouble: it is logged, and the next tick retries. */
  async report(runs: readonly CheckRunModel[]): Promise<number> {
    let writes = 0;
    if (this.checksOn) writes += await this.writeChecks(runs);
    if (this.statusesOn) writes += await this.writeStatuses(runs);
    return writes;
  }

  private fallBack(e: unknown): void {
    this.checksOn = false;
    if (this.fellBack) return;
    this.fellBack = true;
    if (!this.ports.statuses) {
      this.ports.logger.warning(`${errorText(e)}. No commit statuses either: nothing is reported to GitHub.`);
      return;
    }
    if (!this.statusesOn) {
      this.statusesOn = true;
      this.ports.logger.warning(`${errorText(e)}. Reporting commit statuses with the same names instead (give the job \`checks: write\` to get check runs).`);
    } else this.ports.logger.warning(`${errorText(e)}. Reporting commit statuses only.`);
  }

  private async list(runs: readonly CheckRunModel[]): Promise<void> {
    const existing = await this.ports.checks!.list(this.sha);
    const found = knownFromExisting(ours(existing, runs), new Set(runs.map((r) => r.name)));
    // Runs we wrote keep their fingerprints; runs found on the commit are updated once.
    for (const [name, run] of found) {
      const mine = this.known.get(name);
      if (!mine || mine.id !== run.id) this.known.set(name, run);
    }
    this.needsList = false;
  }

  private async writeChecks(runs: readonly CheckRunModel[]): Promise<number> {
    const checks = this.ports.checks!;
    let writes = 0;
    try {
      if (this.needsList) await this.list(runs);
      for (const w of planWrites(runs, this.known)) {
        try {
          if (w.kind === 'create') {
            const id = await checks.create(w.run);
            this.counts.checkCreates++;
            this.known.set(w.run.name, { id, fingerprint: w.fingerprint });
          } else {
            await checks.update(w.id!, w.run);
            this.counts.checkUpdates++;
            this.known.set(w.run.name, { id: w.id!, fingerprint: w.fingerprint });
          }
          writes++;
        } catch (e) {
          if (isChecksForbidden(e)) throw e;
          // A create that failed may still have happened: list again before creating it anew, so that no duplicate appears.
          if (w.kind === 'create') this.needsList = true;
          this.ports.logger.warning(`Could not ${w.kind} check run '${w.run.name}': ${errorText(e)}; retrying on the next poll.`);
        }
      }
    } catch (e) {
      if (!isChecksForbidden(e)) {
        this.ports.logger.warning(`Could not read the check runs of ${this.sha}: ${errorText(e)}; retrying on the next poll.`);
        return writes;
      }
      // report() writes the statuses next, now that they are on.
      this.fallBack(e);
    }
    return writes;
  }

  private async writeStatuses(runs: readonly CheckRunModel[]): Promise<number> {
    const statuses = this.ports.statuses!;
    let writes = 0;
    for (const run of runs) {
      const s = commitStatusFor(run);
      const fp = statusFingerprint(s);
      if (this.statusPrints.get(s.context) === fp) continue;
      try {
        await statuses.set(s);
        this.counts.statusWrites++;
        this.statusPrints.set(s.context, fp);
        writes++;
      } catch (e) {
        this.ports.logger.warning(`Could not set commit status '${s.context}': ${errorText(e)}; retrying on the next poll.`);
      }
    }
    return writes;
  }
}
