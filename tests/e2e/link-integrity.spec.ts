import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { findBrokenLinks, readBuiltPages } from '../support/link-check';

const DIST = process.env.E2E_DIST ?? join(import.meta.dirname, '../../dist');

test('every internal link and #fragment of the built site resolves', () => {
  const pages = readBuiltPages(DIST);
  expect(pages.size).toBeGreaterThan(5);
  expect(findBrokenLinks(pages)).toEqual([]);
});

test('the link checker reports a missing page and a missing fragment', () => {
  const pages = readBuiltPages(DIST);
  const home = pages.get('/')!;
  const withBrokenLinks = new Map(pages).set('/', {
    ...home,
    links: [
      '/docs/no-such-article/',
      '/docs/secure-a-compromised-rackspace-email-mailbox/#no-such-id',
      '/docs/secure-a-compromised-rackspace-email-mailbox/#step-scan-computers',
    ],
  });
  expect(findBrokenLinks(withBrokenLinks)).toEqual([
    'index.html: /docs/no-such-article/ (no such page)',
    'index.html: /docs/secure-a-compromised-rackspace-email-mailbox/#no-such-id (no element with id "no-such-id")',
  ]);
});
