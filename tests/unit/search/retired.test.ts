import { describe, expect, it } from 'vitest';
import { isRetired } from '../../../src/lib/search/retired';
import { articleSchema } from '../../../src/lib/content/article-schema';

describe('retired articles', () => {
  it('are those of the corpus folder retired-articles, at any depth', () => {
    expect(isRetired({ folder: 'retired-articles' })).toBe(true);
    expect(isRetired({ folder: 'retired-articles/about-volume-types' })).toBe(true);
    expect(isRetired({ folder: 'retired-articles/a/b' })).toBe(true);
  });

  it('and those whose front matter says so', () => {
    expect(isRetired({ retired: true, folder: 'cloud-servers/x' })).toBe(true);
    expect(isRetired({ retired: true })).toBe(true);
  });

  it('but not look-alike folders, other flags or empty data', () => {
    expect(isRetired({})).toBe(false);
    expect(isRetired({ folder: '' })).toBe(false);
    expect(isRetired({ folder: 'r' })).toBe(false);
    expect(isRetired({ folder: 'cloud-servers/retired-articles' })).toBe(false);
    expect(isRetired({ folder: 'retired-articles-2' })).toBe(false);
    expect(isRetired({ folder: '<script>retired-articles' })).toBe(false);
    expect(isRetired({ folder: `${'x'.repeat(200)}/retired-articles` })).toBe(false);
    expect(isRetired({ folder: 'retired-articles/café-ümlaut' })).toBe(true);
    expect(isRetired({ retired: false, folder: 'general' })).toBe(false);
  });

  it('are a front matter field of native articles, off by default', () => {
    const base = {
      title: 'A title here',
      description: 'A description long enough to pass the schema check of fifty characters.',
      product: 'rackspace-email',
      appliesTo: ['user'],
      difficulty: 'easy',
      timeNeeded: 'About 5 minutes',
      toolsRequired: ['A browser'],
      updated: '2025-11-18',
      anchors: ['one'],
    };
    expect(articleSchema.parse(base)).toMatchObject({ retired: false, alsoSearchedAs: [] });
    expect(articleSchema.parse({ ...base, retired: true, alsoSearchedAs: ['hijacked mailbox'] })).toMatchObject({
      retired: true,
      alsoSearchedAs: ['hijacked mailbox'],
    });
    expect(articleSchema.safeParse({ ...base, alsoSearchedAs: ['x'] }).success).toBe(false);
    expect(articleSchema.safeParse({ ...base, alsoSearchedAs: ['x'.repeat(61)] }).success).toBe(false);
  });
});
