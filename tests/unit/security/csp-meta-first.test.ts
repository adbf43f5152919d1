import { describe, expect, it } from 'vitest';
import { moveCspMetaAfterCharset } from '../../../src/lib/security/csp-meta-first';

const POLICY = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-abc='">`;

describe('the CSP <meta> goes first', () => {
  it('moves the policy from the end of <head> to right after <meta charset>', () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title><script src="/x.js"></script>${POLICY}<link rel="stylesheet" href="/a.css"></head><body></body></html>`;
    expect(moveCspMetaAfterCharset(html)).toBe(
      `<!DOCTYPE html><html><head><meta charset="utf-8">${POLICY}<title>t</title><script src="/x.js"></script><link rel="stylesheet" href="/a.css"></head><body></body></html>`,
    );
  });

  it('leaves a page without a policy or without a charset as it is', () => {
    for (const html of [
      '<html><head><meta charset="utf-8"><title>t</title></head></html>',
      `<html><head>${POLICY}</head></html>`,
    ]) {
      expect(moveCspMetaAfterCharset(html)).toBe(html);
    }
  });

  it('is idempotent', () => {
    const html = `<html><head><meta charset="utf-8"><title>t</title>${POLICY}</head></html>`;
    const once = moveCspMetaAfterCharset(html);
    expect(moveCspMetaAfterCharset(once)).toBe(once);
  });
});
