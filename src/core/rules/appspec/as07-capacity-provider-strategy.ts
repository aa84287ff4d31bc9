import { child, entry, num, str } from '../../config/node.js';
import type { Node } from '../../types.js';
import type { Rule } from '../rule.js';
import { APPSPEC_EXAMPLE, ecsAppspecs, properties, templated } from './util.js';

/** AS-07: a capacity provider strategy ECS can place tasks with. */
export const as07CapacityProviderStrategy: Rule = {
  id: 'AS-07',
  title: 'AppSpec CapacityProviderStrategy unusable',
  severity: 'error',
  files: ['appspec'],
  docs: {
    what:
      '`CapacityProviderStrategy` is a list of items that each name a `CapacityProvider`. At most one item has a `Base` above 0, and when there are several providers at least one has a `Weight` above 0. ' +
      '`Base` is 0 to 100000 and `Weight` 0 to 1000.',
    why: 'ECS places the base count on a single provider and splits the rest by weight. With two bases, or with every weight at 0, ECS cannot place the replacement tasks and the deployment fails.',
    bad: [{ file: 'appspec.yaml', text: APPSPEC_EXAMPLE + '        CapacityProviderStrategy:\n          - CapacityProvider: FARGATE_SPOT\n            Base: 1\n            Weight: 0\n          - CapacityProvider: FARGATE\n            Base: 1\n            Weight: 0\n' }],
    good: [{ file: 'appspec.yaml', text: APPSPEC_EXAMPLE + '        CapacityProviderStrategy:\n          - CapacityProvider: FARGATE_SPOT\n            Base: 1\n            Weight: 2\n          - CapacityProvider: FARGATE\n            Base: 0\n            Weight: 1\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of ecsAppspecs(project)) {
      const strategy = entry(properties(root), 'CapacityProviderStrategy');
      if (!strategy || strategy.value.type === 'null') continue;
      if (strategy.value.type !== 'array') {
        report({ doc, range: strategy.keyRange, message: 'CapacityProviderStrategy must be a list of "- CapacityProvider: …" items with Base and Weight' });
        continue;
      }
      const list = strategy.value.items!.filter((i) => i.type === 'object');
      for (const item of list) {
        const provider = child(item, 'CapacityProvider');
        if (!provider || (str(provider) ?? '').trim() === '') {
          report({ doc, range: provider?.range ?? item.entries?.[0]?.keyRange ?? item.range, message: 'a CapacityProviderStrategy item has no CapacityProvider; name one, e.g. "CapacityProvider: FARGATE"' });
        }
        outOfRange(child(item, 'Base'), 'Base', 100000, (range, message) => report({ doc, range, message }));
        outOfRange(child(item, 'Weight'), 'Weight', 1000, (range, message) => report({ doc, range, message }));
      }
      const bases = list.filter((i) => (num(child(i, 'Base')) ?? 0) > 0);
      if (bases.length > 1) {
        report({ doc, range: child(bases[1], 'Base')!.range, message: `${bases.length} providers set a Base above 0; only one provider of a strategy may have a base: set Base: 0 on all but one` });
      }
      if (list.length > 1 && list.every((i) => knownZero(child(i, 'Weight')))) {
        report({ doc, range: strategy.keyRange, message: 'every provider of CapacityProviderStrategy has Weight 0 (a missing Weight counts as 0), so ECS cannot place tasks; give at least one provider a Weight above 0' });
      }
    }
  },
};

/** A Weight that is surely 0: missing, or the number 0. A variable may hold anything. */
function knownZero(node: Node | undefined): boolean {
  return !node || node.type === 'null' || num(node) === 0;
}

function outOfRange(node: Node | undefined, key: string, max: number, say: (range: Node['range'], message: string) => void): void {
  if (!node || node.type === 'null') return;
  const n = num(node);
  if (n !== undefined) {
    if (!Number.isInteger(n) || n < 0 || n > max) say(node.range, `${key} ${node.source ?? n} is out of range; use a whole number from 0 to ${max}`);
    return;
  }
  if (node.type === 'string' && templated(node.value as string)) return;
  say(node.range, `${key} must be a number from 0 to ${max}${node.type === 'string' && /^\s*\d+\s*$/.test(node.value as string) ? `: remove the quotes, ${key}: ${(node.value as string).trim()}` : ''}`);
}
