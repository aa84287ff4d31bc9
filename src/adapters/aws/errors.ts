/** The SDK names a service error after its `__type` / error code; anything else has no name worth matching. */
export function errorName(err: unknown): string | undefined {
  return err && typeof err === 'object' && 'name' in err && typeof (err as { name: unknown }).name === 'string' ? (err as { name: string }).name : undefined;
}

/** The HTTP status the service answered with, when the error came from a response. */
export function httpStatus(err: unknown): number | undefined {
  const meta = err && typeof err === 'object' ? (err as { $metadata?: { httpStatusCode?: number } }).$metadata : undefined;
  return meta?.httpStatusCode;
}
