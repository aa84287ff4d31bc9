import type { Rule } from '../rule.js';
import { contextOf, deployTaskdef, imageSlots } from './context.js';
import { containersOf, placeholdersIn } from './templates.js';

/** XF-02: Image<N>ContainerName holds a container's name where the placeholder text belongs. */
export const xf02ContainerNameNotPlaceholder: Rule = {
  id: 'XF-02',
  title: 'Image<N>ContainerName is a container name, not the placeholder',
  severity: 'warning',
  files: ['pipeline', 'taskdef'],
  docs: {
    what: '`Image<N>ContainerName` is not the `name` of a container (unless that container\'s image really is `<that name>`).',
    why: 'Despite its name, the parameter is the placeholder text between the angle brackets of `"image": "<IMAGE1_NAME>"` (the CDK calls it `taskDefinitionPlaceholder`). Given the container\'s name, the action finds no `<myapp>` to replace, so the image just built is not deployed.',
    bad: [
      { file: 'pipeline.json', text: '"configuration": {\n  "Image1ArtifactName": "BuildOutput",\n  "Image1ContainerName": "myapp"\n}\n' },
      { file: 'taskdef.json', text: '"containerDefinitions": [\n  { "name": "myapp", "image": "<IMAGE1_NAME>" }\n]\n' },
    ],
    good: [
      { file: 'pipeline.json', text: '"configuration": {\n  "Image1ArtifactName": "BuildOutput",\n  "Image1ContainerName": "IMAGE1_NAME"\n}\n' },
      { file: 'taskdef.json', text: '"containerDefinitions": [\n  { "name": "myapp", "image": "<IMAGE1_NAME>" }\n]\n' },
    ],
  },
  check({ project, report }) {
    const ctx = contextOf(project);
    for (const p of ctx.pipelines) {
      for (const d of p.deploys) {
        const taskdef = deployTaskdef(ctx, p, d);
        if (!taskdef) continue;
        const containers = containersOf(taskdef);
        const placeholders = new Set(containers.flatMap((c) => placeholdersIn(c.image ?? '')));
        for (const s of imageSlots(d)) {
          if (s.placeholder === undefined || !s.placeholderNode || placeholders.has(s.placeholder)) continue;
          const named = containers.find((c) => c.name === s.placeholder);
          if (!named) continue;
          const key = `Image${s.n}ContainerName`;
          const own = placeholdersIn(named.image ?? '')[0];
          report({
            doc: p.doc,
            range: s.placeholderNode.range,
            message: own
              ? `${key} takes the placeholder text, not a container name: "${s.placeholder}" is the name of the container whose image is "<${own}>"; set "${key}": "${own}"`
              : `${key} takes the placeholder text, not a container name: "${s.placeholder}" is a container's name, and no image in ${d.taskdefPath} is "<${s.placeholder}>", so the new image is not used; write "image": "<IMAGE${s.n}_NAME>" in that container and set "${key}": "IMAGE${s.n}_NAME"`,
          });
        }
      }
    }
  },
};
