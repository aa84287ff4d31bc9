import type { Rule } from '../rule.js';
import { contextOf, deployTaskdef, editedByBuild, imageSlots } from './context.js';
import { containersOf, placeholdersIn, templated } from './templates.js';

/** XF-01: every Image<N>ContainerName has its `<placeholder>` in the template, and every placeholder is filled in. */
export const xf01ImagePlaceholders: Rule = {
  id: 'XF-01',
  title: 'Image placeholder and Image<N>ContainerName agree',
  severity: 'error',
  files: ['pipeline', 'taskdef'],
  docs: {
    what: 'For each `Image<N>ContainerName` of a CodeDeployToECS action, some container of the task definition template has `"image": "<that value>"`, and every `<…>` placeholder in an `image` is filled in by one of them.',
    why: 'The action replaces the text `<IMAGE1_NAME>` with the ImageURI of the image artifact, and nothing else. A value that matches no placeholder leaves the new image unused, and a placeholder no action fills in reaches RegisterTaskDefinition as a literal `<IMAGE1_NAME>`, which is not a valid image, so the deploy fails.',
    bad: [
      { file: 'pipeline.json', text: '"configuration": {\n  "Image1ArtifactName": "BuildOutput",\n  "Image1ContainerName": "IMAGE_NAME"\n}\n' },
      { file: 'taskdef.json', text: '"containerDefinitions": [\n  { "name": "myapp", "image": "<IMAGE1_NAME>", "essential": true }\n]\n' },
    ],
    good: [
      { file: 'pipeline.json', text: '"configuration": {\n  "Image1ArtifactName": "BuildOutput",\n  "Image1ContainerName": "IMAGE1_NAME"\n}\n' },
      { file: 'taskdef.json', text: '"containerDefinitions": [\n  { "name": "myapp", "image": "<IMAGE1_NAME>", "essential": true }\n]\n' },
    ],
  },
  check({ project, report }) {
    const ctx = contextOf(project);
    for (const p of ctx.pipelines) {
      for (const d of p.deploys) {
        const taskdef = deployTaskdef(ctx, p, d);
        if (!taskdef) continue;
        const containers = containersOf(taskdef);
        if (containers.length === 0) continue;
        const names = new Set(containers.flatMap((c) => (c.name ? [c.name] : [])));
        const found = new Map<string, (typeof containers)[number]>();
        for (const c of containers) for (const ph of placeholdersIn(c.image ?? '')) if (!found.has(ph)) found.set(ph, c);
        // An image written by a tool at build time may hold any placeholder.
        const unsure = containers.some((c) => c.image !== undefined && templated(c.image) && placeholdersIn(c.image).length === 0);
        const slots = imageSlots(d);
        const given = new Set(slots.flatMap((s) => (s.placeholder !== undefined ? [s.placeholder] : [])));
        const uncovered = [...found.keys()].filter((ph) => !given.has(ph) && !editedByBuild(ctx, `<${ph}>`) && !editedByBuild(ctx, ph));
        const file = d.taskdefPath;

        for (const s of slots) {
          if (s.placeholder === undefined || !s.placeholderNode || found.has(s.placeholder)) continue;
          // A container name instead of the placeholder text is XF-02's case.
          if (names.has(s.placeholder) || unsure) continue;
          const key = `Image${s.n}ContainerName`;
          const suggestion = uncovered.shift();
          report({
            doc: p.doc,
            range: s.placeholderNode.range,
            message: suggestion
              ? `No container in ${file} has "image": "<${s.placeholder}>", so ${key} matches nothing; the template's placeholder is "<${suggestion}>": set "${key}": "${suggestion}"`
              : `No container in ${file} has "image": "<${s.placeholder}>", so the image from Image${s.n}ArtifactName is never used; write "image": "<${s.placeholder}>" in the container that runs the built image, or set ${key} to the placeholder the template uses`,
          });
        }
        const byName = slots.find((s) => s.placeholder !== undefined && names.has(s.placeholder) && !found.has(s.placeholder));
        for (const ph of uncovered) {
          const c = found.get(ph)!;
          if (!c.imageNode) continue;
          const free = [1, 2, 3, 4].find((n) => !slots.some((s) => s.n === n)) ?? 1;
          report({
            doc: taskdef,
            range: c.imageNode.range,
            message: byName
              ? `"<${ph}>" is never filled in: Image${byName.n}ContainerName is "${byName.placeholder}", the container's name, not the placeholder text; set "Image${byName.n}ContainerName": "${ph}" in the pipeline's deploy action`
              : `"<${ph}>" is never filled in: no Image<N>ContainerName of the deploy action "${d.name}" is "${ph}", so the literal placeholder reaches ECS; add "Image${free}ArtifactName" and "Image${free}ContainerName": "${ph}" to its configuration, or write the real image`,
          });
        }
      }
    }
  },
};
