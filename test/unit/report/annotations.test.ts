import { annotationBatches, ANNOTATIONS_PER_REQUEST, toCheckRunAnnotation } from '../../../src/core/report/annotations.js';
import { finding, lookup, SAMPLE } from './fixtures.js';

describe('check-run annotations', () => {
  it('maps severities to annotation levels and keeps the exact place', () => {
    const [notice, warning, error] = SAMPLE.map((f) => toCheckRunAnnotation(f, lookup));
    expect(notice.annotation_level).toBe('notice');
    expect(warning.annotation_level).toBe('warning');
    expect(error).toEqual({
      path: 'app/buildspec.yml',
      start_line: 38,
      end_line: 38,
      start_column: 21,
      end_column: 27,
      annotation_level: 'failure',
      message: 'Fargate does not accept cpu 256 with memory 4096',
      title: 'TD-05: Fargate cpu/memory pair',
    });
  });

  it('leaves out columns when the range spans lines, as the API requires', () => {
    const a = toCheckRunAnnotation(finding({ line: 3, endLine: 5 }), lookup);
    expect(a.start_line).toBe(3);
    expect(a.end_line).toBe(5);
    expect(a).not.toHaveProperty('start_column');
    expect(a).not.toHaveProperty('end_column');
  });

  it('clips a title to 255 characters', () => {
    const long = toCheckRunAnnotation(finding({ rule: 'X'.repeat(300) }), lookup);
    expect(long.title.length).toBe(255);
  });

  it('splits into requests of at most 50, in order', () => {
    const many = Array.from({ length: 120 }, (_, i) => finding({ line: i + 1, endLine: i + 1 }));
    const batches = annotationBatches(many.map((f) => toCheckRunAnnotation(f, lookup)));
    expect(ANNOTATIONS_PER_REQUEST).toBe(50);
    expect(batches.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(batches.flat().map((a) => a.start_line)).toEqual(many.map((f) => f.line));
    expect(annotationBatches([])).toEqual([]);
  });
});
