import { checkDir } from '../../../helpers/check-dir.js';

/**
 * The bundled example writes its task definition with a heredoc in
 * buildspec.yml. It is a correct Fargate task (awsvpc, 256/512, execution
 * role, awslogs with a stream prefix), so the task definition rules may only
 * warn that the log group must exist and suggest a read-only root filesystem.
 */
describe('task definition rules on examples/seed', () => {
  const td = checkDir('examples/seed').filter((f) => f.rule.startsWith('TD-'));

  it('reports no task definition error', () => {
    expect(td.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.file}:${f.line} ${f.message}`)).toEqual([]);
  });

  it('reports exactly the missing log group and the writable root filesystem, on buildspec lines', () => {
    expect(td.map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, line: f.line }))).toEqual([
      { rule: 'TD-20', severity: 'notice', file: 'buildspec.yml', line: 42 },
      { rule: 'TD-10', severity: 'warning', file: 'buildspec.yml', line: 51 },
    ]);
  });

  it('names the log group and the fix', () => {
    const tdTen = td.find((f) => f.rule === 'TD-10');
    expect(tdTen?.message).toContain('/ecs/myapp');
    expect(tdTen?.message).toContain('awslogs-create-group');
  });
});
