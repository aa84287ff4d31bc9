import { describe, expect, test } from '@jest/globals';
import { errorText } from '../../src/core/error-text.js';

describe('errorText', () => {
  test('an Error gives its message, without the stack or the name', () => {
    const e = new TypeError('Cannot read properties of undefined');
    expect(errorText(e)).toBe('Cannot read properties of undefined');
  });

  test('a subclass with its own name still gives only the message', () => {
    class TrackError extends Error {
      override name = 'TrackError';
    }
    expect(errorText(new TrackError('no execution for abc1234'))).toBe('no execution for abc1234');
  });

  test('an Error with an empty message gives an empty string, as every former copy did', () => {
    expect(errorText(new Error(''))).toBe('');
  });

  test('anything else thrown becomes its string', () => {
    expect(errorText('plain string')).toBe('plain string');
    expect(errorText(404)).toBe('404');
    expect(errorText(undefined)).toBe('undefined');
    expect(errorText(null)).toBe('null');
    expect(errorText({ toString: () => 'custom' })).toBe('custom');
  });
});
