/**
 * A wrong input: the message names the input and the values it takes. Kept
 * apart from inputs.ts so that the check bundle does not pull in @actions/core.
 */
export class InputError extends Error {
  override name = 'InputError';
}
