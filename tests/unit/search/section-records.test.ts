import { describe, expect, it } from 'vitest';
import { pageRecords } from '../../../src/lib/search/section-records';

const PAGE = `<!doctype html><html lang="en"><head>
<meta data-pagefind-filter="product[content]" content="Rackspace Email">
<meta data-pagefind-meta="product[content]" content="Rackspace Email">
<meta data-pagefind-meta="also[content]" content="hacked email">
<meta data-pagefind-filter="role[content]" content="user">
</head><body><header data-pagefind-ignore>Site header</header>
<article data-pagefind-body>
<h1 data-pagefind-meta="title">Secure a mailbox &amp; more</h1>
<p>What to do first.</p>
<nav data-pagefind-ignore><a href="#steps">Steps</a></nav>
<h2 id="steps">Steps <a class="copy-link" data-pagefind-ignore href="#steps">Copy link</a></h2>
<p>Do these in order.</p>
<style>astro-island{display:contents}</style><script>(()=>{self.Astro={}})();</script>
<template data-astro-template><p>Slot markup kept for later</p></template>
<ol>
<li id="step-change-password"><span id="step-old-name" data-anchor-alias></span>
<h3 id="step-change-password-title">Change the "password"</h3><p>Pick a new one.</p>
<h4 id="on-a-phone">On a phone</h4><p>Update the mail app.</p></li>
<li id="step-empty"><p></p></li>
</ol>
</article></body></html>`;

describe('the search records of a maintained article', () => {
  const records = pageRecords(PAGE, '/docs/secure/');

  it('makes one record for the page and one per section, each with its deep link and title', () => {
    expect(records.map(({ id, url, title }) => ({ id, url, title }))).toEqual([
      { id: '', url: '/docs/secure/', title: 'Secure a mailbox & more' },
      { id: 'steps', url: '/docs/secure/#steps', title: 'Steps' },
      { id: 'step-change-password', url: '/docs/secure/#step-change-password', title: 'Change the "password"' },
      { id: 'on-a-phone', url: '/docs/secure/#on-a-phone', title: 'On a phone' },
    ]);
  });

  it("holds the page's text once: each section its own words up to the next section, ignored parts left out", () => {
    const text = (id: string) => records.find((record) => record.id === id)!.html;
    expect(text('')).toContain('What to do first.');
    expect(text('')).not.toContain('Do these in order');
    expect(text('steps')).toContain('Do these in order.');
    expect(text('steps')).not.toContain('Pick a new one');
    expect(text('step-change-password')).toContain('Pick a new one.');
    expect(text('step-change-password')).not.toContain('Update the mail app');
    expect(text('on-a-phone')).toContain('Update the mail app.');
    for (const record of records) {
      expect(record.html).not.toContain('Copy link');
      expect(record.html).not.toContain('Site header');
      // An island's inline script and style, and inert template markup, are code, not words a reader sees.
      expect(record.html).not.toMatch(/astro-island|self\.Astro|Slot markup/);
    }
  });

  it("keeps the page's filters on every record, its other metadata on its own, and escapes the text", () => {
    for (const record of records) {
      expect(record.html).toContain('data-pagefind-filter="product[content]" content="Rackspace Email"');
      expect(record.html).toContain('data-pagefind-filter="role[content]" content="user"');
      expect(record.html).toContain('data-pagefind-meta="article[content]" content="Secure a mailbox &amp; more"');
      expect(record.html).toContain('data-pagefind-body');
    }
    expect(records[0]!.html).toContain('content="hacked email"');
    expect(records[2]!.html).not.toContain('hacked email');
    expect(records[2]!.html).toContain('content="Change the &quot;password&quot;"');
  });

  it('ends each list item, term and inner heading with punctuation, so an excerpt does not run them together', () => {
    const [, section] = pageRecords(
      PAGE.replace(
        '<p>Do these in order.</p>',
        '<p>Do these in order.</p><ul><li>birthdays <b>and</b> anniversaries </li><li>pets, already ended;</li></ul>' +
          '<dl><dt>Who</dt><dd>the owner</dd></dl><details><summary>Why</summary><p>It helps.</p></details>' +
          '<ul><li>last item</li></ul>',
      ),
      '/docs/secure/',
    );
    expect(section!.html).toContain(
      'Do these in order. birthdays and anniversaries; pets, already ended; Who: the owner; Why. It helps. last item.</p>',
    );
  });

  it("puts an item's readers' words after its text and names them, so excerpts can leave them out", () => {
    const [, , step] = pageRecords(
      PAGE.replace(
        '<p>Pick a new one.</p>',
        '<p>Pick a new one.</p><span data-reader-words aria-hidden="true">reset my login</span><p>Then sign in.</p>',
      ),
      '/docs/secure/',
    );
    expect(step!.html).toContain('<meta data-pagefind-meta="readerwords[content]" content="reset my login">');
    expect(step!.html).toContain('<p>Pick a new one. Then sign in.</p><p>reset my login</p></div>');
  });

  it("keeps readers' words before the first section in the page's own record, and an empty block adds no mark", () => {
    const [page, steps] = pageRecords(
      PAGE.replace(
        '<p>What to do first.</p>',
        '<p>What to do first</p><span data-reader-words>hacked inbox</span>',
      ).replace(
        '<p>Do these in order.</p>',
        '<p>Do these in order</p><ul><li><span data-reader-words>in order</span></li><li></li></ul>',
      ),
      '/docs/secure/',
    );
    expect(page!.html).toContain('<meta data-pagefind-meta="readerwords[content]" content="hacked inbox">');
    expect(page!.html).toContain('<p>What to do first</p><p>hacked inbox</p>');
    expect(steps!.html).toContain('<p>Do these in order</p><p>in order</p>');
  });

  it('makes no records of a page without an indexed body', () => {
    expect(pageRecords('<html><body><p id="x">Text</p></body></html>', '/docs/x/')).toEqual([]);
  });
});
