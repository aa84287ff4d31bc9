import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * src/core/shapes/shapes.json is generated from the AWS SDK packages in
 * devDependencies. Re-running the generator must give the committed file
 * byte for byte: after an SDK upgrade, run `node scripts/gen-shapes.mjs`.
 */
describe('scripts/gen-shapes.mjs', () => {
  const committed = readFileSync(join(process.cwd(), 'src/core/shapes/shapes.json'), 'utf8');

  it('reproduces the committed shapes.json exactly', () => {
    const run = spawnSync(process.execPath, ['scripts/gen-shapes.mjs', '--stdout'], { cwd: process.cwd(), encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    if (run.stdout !== committed) throw new Error('src/core/shapes/shapes.json is stale: run `node scripts/gen-shapes.mjs` and commit the result');
  });

  it('writes the shapes the rules rely on', () => {
    const data = JSON.parse(committed);
    const ecs = data.services.ecs;
    expect(ecs.roots).toEqual(['RegisterTaskDefinitionRequest']);
    expect(ecs.shapes.RegisterTaskDefinitionRequest.required).toEqual(['family', 'containerDefinitions']);
    expect(ecs.shapes.RegisterTaskDefinitionRequest.members.cpu).toBe('string');
    expect(ecs.shapes.PortMapping.members.containerPort).toBe('number');
    expect(ecs.shapes.PortMapping.members.protocol).toEqual({ enum: 'TransportProtocol' });
    expect(ecs.shapes.ContainerDefinition.members.dockerLabels).toEqual({ map: 'string' });
    expect(ecs.enums.NetworkMode).toEqual(expect.arrayContaining(['awsvpc', 'bridge', 'host', 'none']));
    expect(ecs.outputOnly.RegisterTaskDefinitionRequest.members).toEqual(expect.arrayContaining(['taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities', 'registeredAt', 'registeredBy', 'deregisteredAt']));
    expect(ecs.outputOnly.RegisterTaskDefinitionRequest.wrapper).toBe('taskDefinition');
    const cp = data.services.codepipeline;
    expect(cp.shapes.ActionDeclaration.members.configuration).toEqual({ map: 'string' });
    expect(cp.shapes.ActionDeclaration.members.runOrder).toBe('number');
    expect(cp.shapes.ActionTypeId.members.version).toBe('string');
    expect(cp.outputOnly.CreatePipelineInput.members).toEqual(['metadata']);
    expect(data.services.codebuild.shapes.ProjectEnvironment.members.privilegedMode).toBe('boolean');
  });

  it('refers only to shapes and enums it defines', () => {
    const data = JSON.parse(committed);
    const primitives = new Set(['string', 'number', 'boolean', 'timestamp', 'blob', 'document']);
    for (const service of Object.values(data.services) as Array<{ shapes: Record<string, { members: Record<string, unknown> }>; enums: Record<string, string[]> }>) {
      const check = (t: unknown): void => {
        if (typeof t === 'string') {
          if (!primitives.has(t)) expect(service.shapes[t]).toBeDefined();
        } else {
          const o = t as { list?: unknown; map?: unknown; enum?: string };
          if (o.list !== undefined) check(o.list);
          else if (o.map !== undefined) check(o.map);
          else expect(service.enums[o.enum!]?.length).toBeGreaterThan(0);
        }
      };
      for (const shape of Object.values(service.shapes)) for (const t of Object.values(shape.members)) check(t);
    }
  });
});
