/**
 * The incident record pasted into a ticket system that renders Markdown
 * (issue 24, finding 10): text the reader typed links nowhere and becomes no
 * markup. Rendered by a real renderer, markdown-it, with autolinking of bare
 * URLs, addresses, `www.` and domains (linkify) and raw HTML allowed: as
 * permissive as ticket systems get.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { codeSpan, incidentRecord } from '../../../src/lib/checklist/record';
import { addDevice, emptyChecklist, setNote } from '../../../src/lib/checklist/state';

const markdown = new MarkdownIt({ html: true, linkify: true });
// Bare domains, `www.` and IP addresses too, as the most eager ticket systems do.
markdown.linkify.set({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: true });
const CONTEXT = {
  title: 'Secure a compromised Rackspace Email mailbox',
  url: 'https://mailbox-help.example/docs/secure-a-compromised-rackspace-email-mailbox/',
  now: Date.UTC(2026, 10, 30, 7, 5),
  utcOffset: () => 0,
};

/** Typed by a reader, or pasted from an attacker's message. */
const HOSTILE = [
  'Reset at https://evil.example/login?next=%2F as support said',
  'Mail help@evil-support.com about it, or see www.evil-support.com',
  'Call them: evil-support.com, or ftp://files.evil.example/x, or 203.0.113.7',
  '<https://evil.example/> and <help@evil.example>',
  '[the help desk](https://evil.example/) ![x](https://evil.example/pixel.gif)',
  '<img src=x onerror=alert(1)> <a href="https://evil.example/">here</a> <script>alert(1)</script>',
  '`code` and ``double`` then https://evil.example/`tick`',
  '`starts with a tick, ends with one: https://evil.example/`',
  '# heading | table | ** bold ** _em_ \\ backslash &amp; entity &#x3c;',
];

const render = (text: string) => parse(markdown.render(text));
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the incident record rendered as Markdown', () => {
  it('renders linkify-able text as live links when it is not protected (the renderer is real)', () => {
    expect(render(HOSTILE[0]!).querySelectorAll('a')).toHaveLength(1);
    expect(render(HOSTILE[1]!).querySelectorAll('a')).toHaveLength(2);
    expect(render(HOSTILE[2]!).querySelectorAll('a')).toHaveLength(3);
  });

  it('links only to the article: no typed URL, address or www. becomes a link, and no markup appears', () => {
    let state = emptyChecklist();
    HOSTILE.forEach((text, index) => {
      state = setNote(
        state,
        (['step-change-password', 'step-alert-others', 'step-blocklist-sender'] as const)[index % 3]!,
        text,
      );
    });
    for (const text of HOSTILE.slice(0, 6)) state = addDevice(state, text.slice(0, 60));
    const html = render(incidentRecord(state, CONTEXT));
    expect(html.querySelectorAll('a').map((link) => link.getAttribute('href'))).toEqual([CONTEXT.url]);
    expect(html.querySelectorAll('img, script, strong, em, table, h3, h4')).toHaveLength(0);
  });

  it('each note reads as typed, in one code element', () => {
    for (const text of HOSTILE) {
      const html = render(`- Note: ${codeSpan(text)}`);
      const codes = html.querySelectorAll('code');
      expect(codes, text).toHaveLength(1);
      expect(codes[0]!.textContent, text).toBe(flat(text));
      expect(html.querySelectorAll('a'), text).toHaveLength(0);
    }
  });

  it('any text at all: one code element holding it, no link', () => {
    const typed = fc.string({
      unit: fc.constantFrom('`', ' ', 'a', '<', '>', '@', '.', ':', '/', 'w', '\\', '[', ']', '*', '\n'),
      minLength: 1,
      maxLength: 40,
    });
    fc.assert(
      fc.property(
        typed.filter((text) => text.trim() !== ''),
        (text) => {
          const html = render(`- Note: ${codeSpan(text)}`);
          const codes = html.querySelectorAll('code');
          expect(codes).toHaveLength(1);
          expect(codes[0]!.textContent).toBe(flat(text));
          expect(html.querySelectorAll('a')).toHaveLength(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
