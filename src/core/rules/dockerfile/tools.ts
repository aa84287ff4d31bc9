import type { Instruction } from '../../config/dockerfile.js';
import type { ImageRef } from './images.js';
import { program, shellCommands } from './text.js';

export const PROBES = ['curl', 'wget'] as const;
export type Probe = (typeof PROBES)[number];

/**
 * Which HTTP clients a base image ships, for the images whose Dockerfiles we
 * know; undefined for any other image (no finding then).
 *
 * - node, python, ruby, golang (Debian variants) build on buildpack-deps,
 *   which installs curl and wget.
 * - Their `-slim` variants install curl/wget only to download the runtime and
 *   purge them in the same layer: neither is left.
 * - Their `-alpine` variants add curl as a temporary `.build-deps` package and
 *   delete it; BusyBox (part of Alpine) provides `wget`.
 * - alpine and busybox: BusyBox `wget`, no curl. debian and ubuntu: neither.
 * - distroless: neither (the `:debug` tags add BusyBox, so `wget`). scratch: nothing.
 */
export function shippedTools(image: ImageRef | undefined, scratch: boolean): Record<Probe, boolean> | undefined {
  if (scratch) return { curl: false, wget: false };
  if (!image) return undefined;
  const tag = (image.tag ?? 'latest').toLowerCase();
  const family = image.official;
  if (family && ['node', 'python', 'ruby', 'golang'].includes(family)) {
    if (/windows|nanoserver/.test(tag)) return undefined;
    if (/alpine/.test(tag)) return { curl: false, wget: true };
    if (/slim/.test(tag)) return family === 'golang' ? undefined : { curl: false, wget: false };
    return { curl: true, wget: true };
  }
  if (family === 'alpine' || family === 'busybox') return { curl: false, wget: true };
  if (family === 'debian' || family === 'ubuntu') return { curl: false, wget: false };
  if (image.registry === 'gcr.io' && image.path.startsWith('distroless/')) return { curl: false, wget: /debug/.test(tag) };
  return undefined;
}

const INSTALL: Record<string, string[]> = {
  apk: ['add'],
  'apt-get': ['install'],
  apt: ['install'],
  yum: ['install'],
  dnf: ['install'],
  microdnf: ['install'],
  zypper: ['install', 'in'],
};
const REMOVE: Record<string, string[]> = {
  apk: ['del'],
  'apt-get': ['remove', 'purge'],
  apt: ['remove', 'purge'],
  yum: ['remove', 'erase'],
  dnf: ['remove'],
  microdnf: ['remove'],
  zypper: ['remove', 'rm'],
};

function probeOf(pkg: string): Probe | undefined {
  const name = pkg.replace(/[=<>~].*$/, '');
  return (PROBES as readonly string[]).includes(name) ? (name as Probe) : name === 'curl-minimal' ? 'curl' : undefined;
}

/**
 * Replays package installs and removals of the given instructions over the
 * base image's tools (`shellText` gives a RUN's commands, heredoc lines kept apart). `apk add --virtual .deps curl` followed by
 * `apk del .deps` removes curl again, as the official alpine images do.
 */
export function toolsAfter(base: Record<Probe, boolean> | undefined, instructions: Instruction[], shellText: (ins: Instruction) => string): Partial<Record<Probe, boolean>> {
  const have: Partial<Record<Probe, boolean>> = base ? { ...base } : {};
  const groups = new Map<string, Probe[]>();
  for (const ins of instructions) {
    if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
      for (const p of PROBES) if (new RegExp(`/${p}(\\s|$)`).test(ins.args)) have[p] = true;
      continue;
    }
    if (ins.keyword !== 'RUN') continue;
    for (const cmd of shellCommands(shellText(ins)).map(program)) {
      const tool = cmd[0]?.text.replace(/^.*\//, '');
      const verb = cmd.slice(1).find((w) => !w.text.startsWith('-'))?.text;
      if (!tool || !verb) continue;
      const words = cmd.slice(1).map((w) => w.text);
      if (INSTALL[tool]?.includes(verb)) {
        const virtual = tool === 'apk' ? words.findIndex((w) => w === '--virtual' || w === '-t') : -1;
        const groupName = virtual >= 0 ? words[virtual + 1] : undefined;
        const pkgs = words.filter((w, i) => !w.startsWith('-') && w !== verb && !(virtual >= 0 && i === virtual + 1));
        const found = pkgs.map(probeOf).filter((p): p is Probe => p !== undefined);
        for (const p of found) have[p] = true;
        if (groupName) groups.set(groupName, found);
      } else if (REMOVE[tool]?.includes(verb)) {
        for (const w of words.filter((w) => !w.startsWith('-') && w !== verb)) {
          const p = probeOf(w);
          if (p) have[p] = false;
          for (const g of groups.get(w) ?? []) have[g] = false;
        }
      }
    }
  }
  return have;
}

/** Where an HTTP client runs as a program in a health-check command. */
export function probesIn(command: string): { probe: Probe; index: number }[] {
  const out: { probe: Probe; index: number }[] = [];
  const re = /(?<=^|[\s;&|(`'"])(?:\/(?:usr\/)?(?:local\/)?s?bin\/)?(curl|wget)(?=$|[\s;&|)`'"])/g;
  for (const m of command.matchAll(re)) out.push({ probe: m[1] as Probe, index: m.index! + m[0].length - m[1].length });
  return out;
}
