import { escapeData, escapeProperty, renderGithub } from '../../../src/core/report/github.js';
import { finding, lookup, SAMPLE } from './fixtures.js';

describe('workflow-command escaping', () => {
  it('escapes %, CR and LF in data', () => {
    expect(escapeData('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab: c, d');
  });

  it('also escapes : and , in properties', () => {
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('escapes % first, so that an escape in the input is not decoded by the runner', () => {
    expect(escapeData('%0A')).toBe('%250A');
  });
});

describe('renderGithub', () => {
  it('prints one command per finding with file, line, col, endLine, endColumn and title', () => {
    const lines = renderGithub(SAMPLE, lookup).trimEnd().split('\n');
    expect(lines).toEqual([
      '::notice file=app/Dockerfile,line=8,col=12,endLine=8,endColumn=24,title=DF-04%3A Deprecated npm --production flag::write npm ci --omit=dev',
      '::warning file=app/Dockerfile,line=14,col=1,endLine=14,endColumn=91,title=DF-01%3A Dockerfile HEALTHCHECK ignored by ECS::ECS ignores HEALTHCHECK',
      '::error file=app/buildspec.yml,line=38,col=21,endLine=38,endColumn=27,title=TD-05%3A Fargate cpu/memory pair::Fargate does not accept cpu 256 with memory 4096',
    ]);
  });

  it('escapes the message and the file name', () => {
    const out = renderGithub([finding({ file: 'a,b:c.yml', message: 'x\ny 100%' })], lookup);
    expect(out).toBe('::error file=a%2Cb%3Ac.yml,line=38,col=21,endLine=38,endColumn=27,title=TD-05%3A Fargate cpu/memory pair::x%0Ay 100%25\n');
  });

  it('titles a finding of an unknown rule with its id', () => {
    expect(renderGithub([finding({ rule: 'ZZ-99' })], lookup)).toContain(',title=ZZ-99::');
  });

  it('prints nothing for no findings', () => {
    expect(renderGithub([], lookup)).toBe('');
  });
});
