import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/lib/content/article-schema';
import { readArticles, readContract, factsSheetIds } from '../support/articles';
import { HAS_SHARED, NEEDS_SHARED } from '../support/shared';
import { describeAudience, formatUpdated } from '../../src/lib/content/article-meta';
import { RISK_FACTORS, STEPS, SYMPTOMS } from '../../src/lib/compromise/items';

const articles = readArticles();

describe('article front matter', () => {
  it.each(articles.map((article) => [article.slug, article] as const))('%s matches the schema', (_slug, article) => {
    const result = articleSchema.safeParse(article.frontmatter);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('rejects an alias that points nowhere or shadows a published id', () => {
    const base = articles[0]!.frontmatter;
    const result = articleSchema.safeParse({
      ...base,
      anchorAliases: { [base.anchors[0]!]: 'gone', 'old-id': 'missing' },
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toEqual([
      `anchorAliases.${base.anchors[0]}`,
      `anchorAliases.${base.anchors[0]}`,
      'anchorAliases.old-id',
    ]);
  });

  it('rejects ids that are not lowercase-hyphenated', () => {
    const base = articles[0]!.frontmatter;
    expect(articleSchema.safeParse({ ...base, anchors: ['Step One'] }).success).toBe(false);
  });
});

describe('published anchor contract', () => {
  const contract = readContract();

  it('records every id an article publishes, so removing one later is caught', () => {
    for (const article of articles) {
      const recorded = new Set(contract[article.path] ?? []);
      const missing = article.frontmatter.anchors.filter((id) => !recorded.has(id));
      expect(missing, `${article.slug}: add these ids to tests/published-anchors.json`).toEqual([]);
    }
  });

  it('keeps every recorded id published or aliased', () => {
    for (const [path, ids] of Object.entries(contract)) {
      const article = articles.find((candidate) => candidate.path === path);
      expect(article, `${path} was published; keep the page or redirect it`).toBeDefined();
      const reachable = new Set([
        ...article!.frontmatter.anchors,
        ...Object.keys(article!.frontmatter.anchorAliases ?? {}),
      ]);
      expect(
        ids.filter((id) => !reachable.has(id)),
        `${path}: ids dropped without an alias`,
      ).toEqual([]);
    }
  });

  it.skipIf(!HAS_SHARED)(`the main article publishes every id of the facts sheet ${NEEDS_SHARED}`, () => {
    const main = articles.find((article) => article.slug === 'secure-a-compromised-rackspace-email-mailbox')!;
    expect(factsSheetIds().filter((id) => !main.frontmatter.anchors.includes(id))).toEqual([]);
  });

  it.skipIf(!HAS_SHARED)(`the shared item data uses exactly the facts sheet ids ${NEEDS_SHARED}`, () => {
    const dataIds = [...SYMPTOMS, ...RISK_FACTORS, ...STEPS].map((item) => item.id);
    expect(dataIds.sort()).toEqual(
      factsSheetIds()
        .filter((id) => /^(symptom|risk|step)-/.test(id) && id !== 'risk-factors')
        .sort(),
    );
  });
});

describe('article meta formatting', () => {
  it('describes the audience in words', () => {
    expect(describeAudience(['user', 'administrator'])).toBe('Users and administrators');
    expect(describeAudience(['administrator'])).toBe('Administrators');
  });

  it('formats dates the same in every time zone', () => {
    const original = process.env.TZ;
    const localDays = new Set<number>();
    try {
      // From UTC-11 to UTC+14: midnight UTC falls on three different local days.
      for (const zone of ['UTC', 'Pacific/Pago_Pago', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati']) {
        process.env.TZ = zone;
        const date = new Date('2025-11-20');
        localDays.add(date.getDate());
        expect(formatUpdated(date), zone).toBe('20 November 2025');
      }
    } finally {
      process.env.TZ = original;
      if (original === undefined) delete process.env.TZ;
    }
    // Proof that the zones really applied: the local day did change.
    expect(localDays.size).toBeGreaterThan(1);
  });
});
