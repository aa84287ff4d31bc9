import { child, entry, str } from '../../config/node.js';
import type { Node, Range } from '../../types.js';
import { containers, type Container } from './util.js';

/** A container that logs with awslogs, and where its settings stand. */
export interface AwsLogs {
  container: Container;
  logConfiguration: Node;
  driver: Node;
  /** The options object, when it is one. */
  options?: Node;
  /** Option values that are non-empty strings (numbers and booleans as text). */
  values: Map<string, string>;
}

export function awslogsContainers(root: Node): AwsLogs[] {
  const out: AwsLogs[] = [];
  for (const container of containers(root)) {
    const logConfiguration = child(container.node, 'logConfiguration');
    const driver = child(logConfiguration, 'logDriver');
    if (str(driver) !== 'awslogs') continue;
    const optionsNode = child(logConfiguration, 'options');
    const options = optionsNode?.type === 'object' ? optionsNode : undefined;
    const values = new Map<string, string>();
    for (const e of options?.entries ?? []) {
      const v = e.value;
      if ((v.type === 'string' || v.type === 'number' || v.type === 'boolean') && String(v.value) !== '') values.set(e.key, String(v.value));
    }
    out.push({ container, logConfiguration: logConfiguration!, driver: driver!, options, values });
  }
  return out;
}

/** Where to point when an option is missing: the options key, else the driver. */
export function optionsRange(l: AwsLogs): Range {
  return entry(l.logConfiguration, 'options')?.keyRange ?? l.driver.range;
}
