import { describe, expect, it } from 'vitest';
import { siteOriginCss, siteOriginRule } from '../../src/lib/site-origin-css';

describe('siteOriginRule', () => {
  it('declares the origin of SITE_URL, without path or trailing slash', () => {
    expect(siteOriginRule('https://help.example.com/kb/')).toBe(':root{--site-origin:"https://help.example.com"}');
    expect(siteOriginRule('http://127.0.0.1:4321')).toBe(':root{--site-origin:"http://127.0.0.1:4321"}');
  });
});

describe('siteOriginCss', () => {
  const plugin = siteOriginCss('https://mailbox-help.example');

  it('appends the rule to the global stylesheet only', () => {
    expect(plugin.transform('a{}', '/repo/src/styles/global.css?direct')).toBe(
      'a{}\n:root{--site-origin:"https://mailbox-help.example"}\n',
    );
    expect(plugin.transform('a{}', '/repo/src/components/home/product-index.css')).toBeUndefined();
  });
});
