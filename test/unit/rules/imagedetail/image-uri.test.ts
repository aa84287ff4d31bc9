import { uriProblem } from '../../../../src/core/rules/imagedetail/id03-image-uri.js';

describe('ID-03 image URIs', () => {
  it.each([
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:1a2b3c4',
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/my-app_2:v1.2.3',
    '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/myapp:1a2b3c4',
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp@sha256:8b5b1a7c4ac7f2a1cf6e3c4a47f4f3fb4f2e1f31a77d13a5a3d7fbd3b1c8e8a2',
    'public.ecr.aws/docker/library/node:20-alpine',
    'localhost:5000/myapp:dev',
    'nginx:1.27',
  ])('accepts %s', (uri) => {
    expect(uriProblem(uri)).toBeUndefined();
  });

  it.each([
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:latest', /mutable tag "latest"/],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp', /no tag/],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/MyApp:1', /lower-case/],
    ['12345.dkr.ecr.us-east-1.amazonaws.com/myapp:1', /ECR registry/],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:-bad', /tag "-bad"/],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp@sha256:abc', /not an image digest/],
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/my app:1', /spaces/],
  ])('reports %s', (uri, message) => {
    expect(uriProblem(uri)).toMatch(message);
  });
});
