import type { ChecksPort, StatusesPort } from '../../services/ports.js';
import { createChecksPort, createStatusesPort, type ChecksOptions, type RequestOnlyClient } from './checks.js';

export type { RequestOnlyClient };

/**
 * The ports over an Octokit the caller already has: the GitHub App's
 * installation client (Probot's `context.octokit`, which renews its token by
 * itself). The same implementation as the action's, over that client.
 */
export type OctokitPortsOptions = ChecksOptions;

export function createOctokitPorts(client: RequestOnlyClient, o: OctokitPortsOptions): { checks: ChecksPort; statuses: StatusesPort } {
  return { checks: createChecksPort(client, { maxPages: 5, ...o }), statuses: createStatusesPort(client, o) };
}
