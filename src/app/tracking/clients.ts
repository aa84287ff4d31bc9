import type { Probot } from 'probot';
import type { RequestOnlyClient } from '../../adapters/github/octokit-ports.js';

/** An installation's client with Probot's config plugin (for reading `.github/ecs-codepipeline.yml` outside a webhook). */
export type InstallationClient = RequestOnlyClient & {
  config: { get(o: { owner: string; repo: string; path: string }): Promise<{ config: unknown; files: Array<{ config: unknown }> }> };
};

/** Probot's installation client renews its token by itself; one is kept half an hour per installation. */
const KEEP_MS = 30 * 60_000;
const byProbot = new WeakMap<Probot, Map<number, { at: number; value: Promise<InstallationClient> }>>();

/**
 * One client per installation for the background work (trackers, EventBridge
 * updates), instead of each tracker keeping the Octokit of the webhook that
 * started it: a thousand trackers would hold a thousand clients (hundreds of MB).
 */
export function installationClient(probot: Probot, id: number): Promise<InstallationClient> {
  let clients = byProbot.get(probot);
  if (!clients) byProbot.set(probot, (clients = new Map()));
  const now = Date.now();
  let c = clients.get(id);
  if (!c || now - c.at > KEEP_MS) {
    const made = { at: now, value: probot.auth(id) as unknown as Promise<InstallationClient> };
    clients.set(id, made);
    made.value.catch(() => clients!.get(id) === made && clients!.delete(id));
    c = made;
  }
  return c.value;
}

/** A client that asks for the installation's shared client on each request. */
export function sharedInstallationClient(probot: Probot, id: number): RequestOnlyClient {
  return { request: async (route, params) => (await installationClient(probot, id)).request(route, params) };
}
