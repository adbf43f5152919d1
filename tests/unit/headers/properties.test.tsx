/**
 * Properties over any input: the analyzer never throws, and what the results
 * view renders from it is only the view's own markup, never markup from the paste.
 */
import fc from 'fast-check';
import { parse } from 'node-html-parser';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { HeaderResults } from '../../../src/components/header-analyzer/HeaderResults';
import { analyzeHeaders } from '../../../src/lib/headers/analyze';

const VIEW_TAGS = new Set([
  'div',
  'section',
  'h3',
  'dl',
  'dt',
  'dd',
  'code',
  'p',
  'button',
  'span',
  'a',
  'strong',
  'ul',
  'li',
  'table',
  'caption',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);
const VIEW_ATTRIBUTES = new Set([
  'class',
  'id',
  'role',
  'href',
  'type',
  'scope',
  'colspan',
  'tabindex',
  'aria-labelledby',
  'data-field',
  'data-domain',
  'data-warning',
  'data-block-caution',
]);

/** Every tag and attribute the rendered HTML contains, read by an HTML parser. */
function markupOf(html: string): { tags: string[]; attributes: string[]; hrefs: string[] } {
  const elements = parse(html).querySelectorAll('*');
  return {
    tags: elements.map((element) => element.tagName.toLowerCase()),
    attributes: elements.flatMap((element) => Object.keys(element.attributes).map((name) => name.toLowerCase())),
    hrefs: elements.flatMap((element) => element.getAttribute('href') ?? []),
  };
}

function assertInert(text: string) {
  const outcome = analyzeHeaders(text);
  if (!outcome.ok) return;
  const html = render(<HeaderResults analysis={outcome.analysis} />);
  const { tags, attributes, hrefs } = markupOf(html);
  expect(tags.filter((tag) => !VIEW_TAGS.has(tag))).toEqual([]);
  expect(attributes.filter((attribute) => !VIEW_ATTRIBUTES.has(attribute))).toEqual([]);
  expect(hrefs.filter((href) => !href.startsWith('/docs/'))).toEqual([]);
}

const PIECES = [
  'Received: ',
  'From: ',
  'Reply-To: ',
  'Return-Path: ',
  'Subject: ',
  'Authentication-Results: ',
  'Received-SPF: ',
  'X-Originating-IP: ',
  'DKIM-Signature: ',
  'from ',
  ' by ',
  ' with ',
  ' id ',
  ' for ',
  '; ',
  '(',
  ')',
  '[',
  ']',
  '<',
  '>',
  '<>',
  '"',
  '\\',
  ',',
  ':',
  '@',
  '=',
  'spf=pass ',
  'dkim=fail header.d=',
  'dmarc=none ',
  'client-ip=',
  'sender IP is ',
  'helo=',
  'mx.google.com',
  'example.com',
  '192.0.2.1',
  '10.0.0.1',
  '::ffff:',
  '2001:db8::1',
  'fe80::1%eth0',
  '[IPv6:',
  '=?UTF-8?B?PHNjcmlwdD4=?=',
  '=?x?Q?=3C?=',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=1>',
  'javascript:',
  '&amp;',
  '&lt;',
  'Tue, 5 Nov 2024 10:00:00 +0000',
  '\r\n',
  '\n',
  '\n ',
  '\n\t',
  '\n\n',
  '\u0000',
  '\uFFFD',
  '\uD800',
  '\u202E',
];

const headerish = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('any input', () => {
  it('never throws and renders only the view’s own markup (header-like input)', () => {
    fc.assert(fc.property(headerish, assertInert), { numRuns: 300 });
  }, 60_000);

  it('never throws and renders only the view’s own markup (any string, bare or after a field name)', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary-ascii', maxLength: 400 }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
    );
    const field = fc.constantFrom(
      '',
      'Received: ',
      'From: ',
      'Reply-To: ',
      'Return-Path: ',
      'Authentication-Results: ',
      'Subject: ',
    );
    fc.assert(
      fc.property(field, anyText, (name, text) => assertInert(name + text)),
      { numRuns: 300 },
    );
  }, 60_000);

  it('shows markup in a paste as text', () => {
    const html = render(
      <HeaderResults
        analysis={
          (
            analyzeHeaders('From: "<script>x()</script>" <a@example.com>\nSubject: <img src=x onerror=y()>') as {
              ok: true;
              analysis: never;
            }
          ).analysis
        }
      />,
    );
    expect(html).toContain('&lt;img src=x onerror=y()>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
  });
});
