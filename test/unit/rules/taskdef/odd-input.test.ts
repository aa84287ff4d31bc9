import { analyze } from '../../../../src/core/analyze.js';
import { taskdefRules } from '../../../../src/core/rules/taskdef/index.js';

/**
 * Wrong types are TD-03's findings; the other task definition rules must
 * neither throw nor report anything about them.
 */
const ODD: Record<string, string> = {
  'scalar root': '42',
  'string root': '"taskdef"',
  'list of scalars': '[1, 2, 3]',
  'empty object': '{}',
  'containers as an object': '{"family": "myapp", "containerDefinitions": {"name": "myapp"}}',
  'containers of scalars': '{"family": "myapp", "containerDefinitions": [1, "x", null, true, []]}',
  'everything a string': JSON.stringify({
    family: 'myapp',
    networkMode: 'awsvpc',
    requiresCompatibilities: 'FARGATE',
    cpu: 'x',
    memory: [],
    executionRoleArn: 7,
    ephemeralStorage: 'big',
    tags: 'none',
    volumes: 'data',
    containerDefinitions: [
      {
        name: ['web'],
        image: 12,
        essential: 'false',
        portMappings: 'all',
        logConfiguration: 'awslogs',
        healthCheck: ['CMD'],
        dependsOn: 'db',
        secrets: 'none',
        environment: { DB_PASSWORD: 'x' },
        linuxParameters: [],
        memory: '512',
        memoryReservation: 'lots',
        cpu: null,
      },
    ],
  }),
  'nested wrong shapes': JSON.stringify({
    family: 'myapp',
    requiresCompatibilities: ['FARGATE', 3, null],
    runtimePlatform: 'WINDOWS',
    containerDefinitions: [
      {
        name: 'web',
        image: 'nginx',
        portMappings: [1, { containerPort: 'eighty', hostPort: [] }, null],
        logConfiguration: { logDriver: 'awslogs', options: ['awslogs-group'], secretOptions: [3] },
        healthCheck: { command: 'CMD-SHELL true', interval: '30', retries: {} },
        dependsOn: [null, 'db', { containerName: 5, condition: [] }],
        secrets: [null, { valueFrom: 3 }, 'x'],
        environment: [null, { name: 3 }, { name: 'API_TOKEN', value: 5 }],
        linuxParameters: { capabilities: { add: 'ALL' }, devices: 'all' },
        resourceRequirements: 'GPU',
      },
    ],
  }),
};

describe.each(Object.entries(ODD))('%s', (_name, text) => {
  it('is checked without an exception', () => {
    const findings = analyze({ files: [{ path: 'taskdef.json', text }], rules: taskdefRules });
    expect(findings.filter((f) => /internal error/.test(f.message))).toEqual([]);
  });
});

it('leaves wrong types to TD-03', () => {
  const findings = analyze({ files: [{ path: 'taskdef.json', text: ODD['everything a string'] }], rules: taskdefRules });
  const others = findings.filter((f) => !['TD-02', 'TD-03', 'TD-20'].includes(f.rule));
  expect(others.map((f) => `${f.rule} ${f.line}:${f.column} ${f.message}`)).toEqual([]);
});
