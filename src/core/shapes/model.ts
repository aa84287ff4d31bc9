import data from './shapes.json' with { type: 'json' };

/**
 * Typed access to shapes.json, which scripts/gen-shapes.mjs generates from the
 * AWS SDK models. A member type is a primitive name, the name of a structure
 * in the same service, or a list, map or enum of those.
 */
export type Primitive = 'string' | 'number' | 'boolean' | 'timestamp' | 'blob' | 'document';
export type TypeRef = Primitive | string | { list: TypeRef } | { map: TypeRef } | { enum: string };

export interface Shape {
  members: Record<string, TypeRef>;
  required?: string[];
  union?: boolean;
}

export interface OutputOnly {
  /** The API operation whose output people paste instead (`DescribeTaskDefinition`). */
  operation: string;
  /** Members of that output that the input does not accept. */
  members: string[];
  /** The member of the whole response that holds the output (`taskDefinition`). */
  wrapper?: string;
}

export interface ServiceModel {
  key: ServiceKey;
  package: string;
  roots: string[];
  outputOnly: Record<string, OutputOnly>;
  shapes: Record<string, Shape>;
  enums: Record<string, string[]>;
}

export type ServiceKey = 'ecs' | 'codepipeline' | 'codebuild';

const PRIMITIVES = new Set<string>(['string', 'number', 'boolean', 'timestamp', 'blob', 'document']);

export function isPrimitive(t: TypeRef): t is Primitive {
  return typeof t === 'string' && PRIMITIVES.has(t);
}

/** The structure a type names, if it names one. */
export function shapeName(t: TypeRef): string | undefined {
  return typeof t === 'string' && !PRIMITIVES.has(t) ? t : undefined;
}

const services = data.services as unknown as Record<ServiceKey, Omit<ServiceModel, 'key'>>;

export function service(key: ServiceKey): ServiceModel {
  return { key, ...services[key] };
}

/** Where the shapes come from, for messages and docs (`@aws-sdk/client-ecs@3.1164.0`). */
export function packageOf(key: ServiceKey): string {
  return services[key].package;
}
