import { describe, expect, it } from 'vitest';
import { copyText } from '../../../src/lib/kit/clipboard';

describe('copyText', () => {
  it('writes the text and says so', async () => {
    const written: string[] = [];
    const clipboard = { writeText: async (text: string) => void written.push(text) };
    await expect(copyText('https://example.test/#step-change-password', clipboard)).resolves.toBe(true);
    expect(written).toEqual(['https://example.test/#step-change-password']);
  });

  it('answers false when the browser refuses (no permission, no user gesture, no secure context)', async () => {
    const clipboard = { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) };
    await expect(copyText('anything', clipboard)).resolves.toBe(false);
  });

  it('answers false when writeText throws at once, or there is no clipboard at all', async () => {
    const throwing = {
      writeText: (): Promise<void> => {
        throw new TypeError('not a function of this browser');
      },
    };
    await expect(copyText('anything', throwing)).resolves.toBe(false);
    await expect(copyText('anything', undefined)).resolves.toBe(false);
  });
});
