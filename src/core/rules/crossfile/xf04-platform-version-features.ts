import { child, items, scalarText, str } from '../../config/node.js';
import { docsOf, pathInProject, type Doc } from '../../model.js';
import type { Rule } from '../rule.js';
import { contextOf } from './context.js';
import { isFargate } from './images.js';
import { containersOf, list, targetServices, taskdefRoot, taskdefsFor } from './templates.js';

/** What in a Fargate task definition needs platform version 1.4.0 or later. */
export function needsPlatform14(doc: Doc): string[] {
  const root = taskdefRoot(doc);
  const out: string[] = [];
  const cpu = (scalarText(child(root, 'cpu')) ?? '').trim();
  if (/^(8192|16384)$/.test(cpu) || /^(8|16)\s*vcpu$/i.test(cpu)) out.push(`cpu ${cpu}`);
  if (child(root, 'ephemeralStorage')) out.push('ephemeralStorage');
  if (items(child(root, 'volumes')).some((v) => child(v, 'efsVolumeConfiguration'))) out.push('an EFS volume');
  for (const c of containersOf(doc)) {
    for (const s of items(child(c.node, 'secrets'))) {
      const arn = str(child(s, 'valueFrom')) ?? '';
      // arn:aws:secretsmanager:region:account:secret:name:json-key:version-stage:version-id
      if (/^arn:[^:]+:secretsmanager:/.test(arn) && arn.split(':').length > 7 && arn.split(':').slice(7).some((x) => x !== '')) {
        out.push(`the secret "${str(child(s, 'name')) ?? arn}" with a JSON key or version`);
        break;
      }
    }
  }
  return out;
}

/** XF-04: a PlatformVersion pinned below 1.4.0 cannot run a task definition that needs 1.4.0 features. */
export const xf04PlatformVersionFeatures: Rule = {
  id: 'XF-04',
  title: 'Pinned Fargate platform version lacks a feature the task uses',
  severity: 'error',
  files: ['appspec', 'taskdef'],
  docs: {
    what: 'When the Fargate task definition uses something that needs platform version 1.4.0 (cpu 8192 or 16384, `ephemeralStorage`, an EFS volume, a Secrets Manager secret with a JSON key or version), the appspec\'s `PlatformVersion` does not pin 1.3.0 or older.',
    why: 'Those features only exist on platform 1.4.0 and later. ECS refuses to start the replacement tasks on the pinned older platform, so the blue/green deployment fails.',
    bad: [
      { file: 'appspec.yaml', text: 'Properties:\n  TaskDefinition: <TASK_DEFINITION>\n  PlatformVersion: "1.3.0"\n' },
      { file: 'taskdef.json', text: '"requiresCompatibilities": ["FARGATE"],\n"ephemeralStorage": { "sizeInGiB": 50 }\n' },
    ],
    good: [
      { file: 'appspec.yaml', text: 'Properties:\n  TaskDefinition: <TASK_DEFINITION>\n  PlatformVersion: "LATEST"\n' },
      { file: 'taskdef.json', text: '"requiresCompatibilities": ["FARGATE"],\n"ephemeralStorage": { "sizeInGiB": 50 }\n' },
    ],
  },
  check({ project, report }) {
    const ctx = contextOf(project);
    for (const appspec of docsOf(project, 'appspec')) {
      for (const ts of targetServices(appspec)) {
        const v = ts.platformVersion?.trim();
        if (!v || !ts.platformNode || !/^1\.[0-3]\.\d+$/.test(v)) continue;
        const taskdefs = taskdefsFor(ctx, appspec, ts).filter(isFargate);
        if (taskdefs.length === 0) continue;
        const needs = taskdefs.map(needsPlatform14);
        if (needs.some((n) => n.length === 0)) continue;
        report({
          doc: appspec,
          range: ts.platformNode.range,
          message: `PlatformVersion ${v} cannot run ${pathInProject(project, taskdefs[0])}: ${list(needs[0], false)} ${needs[0].length > 1 ? 'need' : 'needs'} Fargate platform 1.4.0 or later; set PlatformVersion: "LATEST" (or "1.4.0")`,
        });
      }
    }
  },
};
