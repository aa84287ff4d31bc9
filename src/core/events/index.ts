export { parseCodePipelineEvent, type CodePipelineEvent, type CodePipelineEventKind, type EventGitSource, type ParseResult } from './codepipeline.js';
export { repositoryOfRevisionUrl, sourceOfExecution, type ExecutionSource } from './source.js';
