import { pathToUri, renderSarif, ruleName } from '../../../src/core/report/sarif.js';
import { rules as registry } from '../../../src/core/rules/index.js';
import { sarifSchemaErrors } from '../../e2e/sarif-schema.js';
import { fakeRule, finding, RULES, SAMPLE } from './fixtures.js';

const DOCS = 'https://github.com/o/ecs-codepipeline/blob/v1/docs/rules.md';

function render(findings = SAMPLE, rules = RULES) {
  return JSON.parse(renderSarif(findings, { rules, version: '1.2.3', docsUrl: DOCS }));
}

describe('renderSarif', () => {
  it('is valid against the SARIF 2.1.0 schema', () => {
    expect(sarifSchemaErrors(render())).toEqual([]);
    expect(sarifSchemaErrors(render([]))).toEqual([]);
  });

  it('the schema check itself rejects what GitHub would reject', () => {
    const log = render();
    log.runs[0].results[0].level = 'fatal';
    expect(sarifSchemaErrors(log)).not.toEqual([]);
  });

  it('describes every rule for code scanning', () => {
    const driver = render().runs[0].tool.driver;
    expect(driver.name).toBe('ecs-codepipeline');
    expect(driver.version).toBe('1.2.3');
    expect(driver.semanticVersion).toBe('1.2.3');
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(['TD-05', 'DF-01', 'DF-04']);
    expect(driver.rules[0]).toMatchObject({
      id: 'TD-05',
      name: 'FargateCpuMemoryPair',
      shortDescription: { text: 'Fargate cpu/memory pair' },
      fullDescription: { text: 'What TD-05 checks.' },
      helpUri: `${DOCS}#td-05`,
      defaultConfiguration: { level: 'error' },
    });
    expect(driver.rules[1].defaultConfiguration.level).toBe('warning');
    expect(driver.rules[2].defaultConfiguration.level).toBe('note');
    expect(driver.rules[0].help.markdown).toContain(`(${DOCS}#td-05)`);
  });

  it('gives each result its rule, level, message and exact region with a relative uri', () => {
    const [notice, warning, error] = render().runs[0].results;
    expect(notice.level).toBe('note');
    expect(warning.level).toBe('warning');
    expect(error).toEqual({
      ruleId: 'TD-05',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'Fargate does not accept cpu 256 with memory 4096' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'app/buildspec.yml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 38, startColumn: 21, endLine: 38, endColumn: 27 },
          },
        },
      ],
    });
    expect(warning.ruleIndex).toBe(1);
  });

  it('leaves the end out of an empty range (SARIF then takes the rest of the line)', () => {
    const result = render([finding({ line: 1, column: 1, endLine: 1, endColumn: 1 })]).runs[0].results[0];
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
  });

  it('encodes paths as URI references', () => {
    expect(pathToUri('my app/task#1.json')).toBe('my%20app/task%231.json');
    expect(sarifSchemaErrors(render([finding({ file: 'my app/ä.json' })]))).toEqual([]);
  });

  it('lists a rule registered twice once, so the log stays valid', () => {
    const log = render(SAMPLE, [...RULES, fakeRule('TD-05', 'Fargate cpu/memory pair', 'error')]);
    expect(log.runs[0].tool.driver.rules).toHaveLength(3);
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  it('omits semanticVersion when the version is not semver', () => {
    const driver = JSON.parse(renderSarif([], { rules: RULES, version: 'dev' })).runs[0].tool.driver;
    expect(driver).not.toHaveProperty('semanticVersion');
  });

  it('names rules as identifiers', () => {
    expect(ruleName(fakeRule('AS-04', 'TaskDefinition is not <TASK_DEFINITION>', 'warning'))).toBe('TaskDefinitionIsNotTASKDEFINITION');
    expect(ruleName(fakeRule('X-1', '!!', 'warning'))).toBe('X1');
  });

  it('describes every registered rule validly', () => {
    const log = JSON.parse(renderSarif([], { rules: registry, version: '0.1.0' }));
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0].tool.driver.rules.length).toBe(new Set(registry.map((r) => r.id)).size);
  });
});
