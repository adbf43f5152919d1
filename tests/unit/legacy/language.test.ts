/**
 * The language of imported articles (issue #15): only a page that is clearly
 * not English gets another `lang`; short, code-heavy, list-like and mixed
 * English pages stay `en`, and a front-matter language wins.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MAX_ENGLISH_FUNCTION_WORDS,
  MIN_SHARE,
  MIN_WORDS,
  detectLanguage,
  pageLanguage,
  proseFromMarkdown,
} from '../../../src/lib/legacy/language';
import { declaredLanguage, mapFrontMatter, splitFrontMatter } from '../../../src/lib/legacy/front-matter';
import { convertShortcodes } from '../../../src/lib/legacy/shortcodes';
import { nativeArticles, planLegacyCorpus, readLegacyFile } from '../../../src/lib/legacy/plan';
import { HAS_SHARED, NEEDS_SHARED, NO_SHARED_REASON, SHARED_DIR } from '../../support/shared';

// Written for these tests (not taken from the corpus): help-desk prose in five languages.
const SPANISH = `Antes de cambiar de servidor, revise qué servicios ofrece la máquina actual: sitios web, correo electrónico o bases de datos.
Los cambios en los registros de nombres de dominio no son inmediatos, así que conviene reducir el tiempo de vida de cada registro
unos días antes. Cuando todo esté listo, copie los archivos, pruebe el sitio nuevo desde su equipo y apague el servidor viejo sin
eliminarlo todavía, por si necesita volver atrás. Si algo falla, puede encender de nuevo la máquina anterior en pocos minutos.`;
const PORTUGUESE = `Antes de mudar de servidor, verifique quais serviços a máquina atual oferece: sites, correio eletrônico ou bancos de dados.
As alterações nos registros de nomes de domínio não são imediatas, por isso convém reduzir o tempo de vida de cada registro
alguns dias antes. Quando tudo estiver pronto, copie os arquivos, teste o novo site a partir do seu computador e desligue o
servidor antigo sem excluí-lo ainda, caso precise voltar atrás. Se algo falhar, você pode ligar novamente a máquina anterior.`;
const FRENCH = `Avant de changer de serveur, vérifiez quels services la machine actuelle propose : sites web, courrier électronique ou bases
de données. Les modifications des enregistrements de noms de domaine ne sont pas immédiates, il vaut donc mieux réduire la durée
de vie de chaque enregistrement quelques jours avant. Quand tout est prêt, copiez les fichiers, testez le nouveau site depuis votre
ordinateur et éteignez l'ancien serveur sans le supprimer tout de suite, au cas où il faudrait revenir en arrière.`;
const GERMAN = `Bevor Sie den Server wechseln, prüfen Sie, welche Dienste die aktuelle Maschine anbietet: Webseiten, E-Mail oder Datenbanken.
Änderungen an den Einträgen Ihrer Domain wirken nicht sofort, deshalb sollten Sie die Gültigkeitsdauer jedes Eintrags einige Tage
vorher verringern. Wenn alles bereit ist, kopieren Sie die Dateien, testen Sie die neue Seite an Ihrem Rechner und schalten Sie den
alten Server ab, ohne ihn schon zu löschen, falls Sie zurück müssen. Geht etwas schief, starten Sie die alte Maschine einfach wieder.`;
const ENGLISH = `Before you move to a new server, check which services the current machine provides: websites, email or databases.
Changes to your domain name records are not immediate, so it is a good idea to lower the time to live of each record a few days
before the move. When everything is ready, copy the files, test the new site from your computer, and shut down the old server
without deleting it yet, in case you need to go back. If something fails, you can start the old machine again in a few minutes.`;

const detect = (markdown: string, title = 'Untitled') => pageLanguage({ title, markdown }).lang;

describe('proseFromMarkdown', () => {
  it('keeps the words a reader reads and drops code, markup, addresses and paths', () => {
    const markdown = [
      'Edit the **hosts** file with [Notepad](https://example.com/notepad) &reg; now.',
      '',
      '```bash',
      'sudo nano /etc/hosts',
      '```',
      '',
      '    64.49.219.194 www.domain.com',
      '',
      'Run `ipconfig /flushdns` then <strong>restart</strong> at 10:00 via example.com or C:\\Windows.',
    ].join('\n');
    expect(proseFromMarkdown(markdown)).toBe('Edit the hosts file with Notepad now. Run then restart at via or');
  });

  it('drops everything after a fence that is never closed, and closes a fence only with its own kind', () => {
    expect(proseFromMarkdown('one\n~~~\ntwo\n```\nthree')).toBe('one');
    expect(proseFromMarkdown('one\n````\ntwo\n```\nthree\n````\nfour')).toBe('one four');
  });

  it('is empty for empty or code-only text', () => {
    expect(proseFromMarkdown('')).toBe('');
    expect(proseFromMarkdown('```\nls -la\n```\n    rm -rf /tmp/x\n`echo 1`')).toBe('');
  });
});

describe('detectLanguage', () => {
  it('tags clearly Spanish, Portuguese, French and German prose with its BCP 47 tag', () => {
    expect(detect(SPANISH)).toBe('es');
    expect(detect(PORTUGUESE)).toBe('pt');
    expect(detect(FRENCH)).toBe('fr');
    // "an" is German too: it is not one of the English function words counted against a page.
    expect(detect(GERMAN)).toBe('de');
  });

  it('keeps English prose English', () => {
    expect(detect(ENGLISH)).toBe('en');
    expect(detectLanguage(proseFromMarkdown(ENGLISH)).englishFunctionWords).toBeGreaterThan(0.1);
  });

  it('is English for empty text, whitespace and code-only pages', () => {
    expect(detect('')).toBe('en');
    expect(detect('   \n\t\n')).toBe('en');
    expect(detect('```\nsudo apt-get install nginx\n```\n\n    systemctl restart nginx\n')).toBe('en');
  });

  it(`is English for text of under ${MIN_WORDS} words, even clearly Spanish text`, () => {
    const short = 'Modificar su archivo de hosts le permite probar su sitio antes de publicarlo en internet.';
    expect(proseFromMarkdown(short).split(' ').length).toBeLessThan(MIN_WORDS);
    expect(detect(short, 'Como modificar mi archivo de hosts')).toBe('en');
  });

  it('is English for a page of one word repeated, which franc alone reads as Dutch (a hostile fixture)', () => {
    const markdown = `## ${'word '.repeat(8_000)}`;
    expect(detectLanguage(proseFromMarkdown(markdown)).distinctWords).toBe(1);
    expect(detect(markdown)).toBe('en');
    expect(detect(`Cuidado.\n\n${'palabra otra cosa '.repeat(500)}`)).toBe('en');
  });

  it('keeps a code-heavy English page English, and a code-heavy Spanish page Spanish', () => {
    const code =
      '```\nsudo nano /etc/hosts\nping -c 4 www.domain.com\nsudo systemctl restart networking\n```\n\n'.repeat(20);
    expect(detect(`Open a terminal and run the following commands.\n\n${code}That is all you need to do.`)).toBe('en');
    expect(detect(`${SPANISH}\n\n${code}`)).toBe('es');
  });

  it('keeps a list-like English page (product names, no sentences) English: franc decides when function words cannot', () => {
    const list = [
      'Cloud Servers',
      'Cloud Files',
      'Cloud Databases',
      'Cloud Load Balancers',
      'Rackspace Monitoring',
      'Cloud Block Storage',
      'Auto Scale',
      'Cloud Queues',
      'Cloud Orchestration',
      'Cloud Backup',
      'Dedicated Hosting',
      'Managed Security',
      'Email Archiving',
      'Private Cloud',
      'Rackspace Intelligence',
      'Cloud Networks',
      'Cloud Images',
      'Content Delivery Network',
      'Exchange Online',
      'Skype Business',
      'SharePoint Sites',
      'Azure Subscriptions',
      'Database Replication',
      'Server Migration',
      'Firewall Rules',
      'Account Management',
      'Billing Portal',
      'Identity Federation',
    ];
    const markdown =
      list.map((name) => `- ${name} permissions matrix`).join('\n') +
      '\n\n' +
      list.map((name) => `| ${name} | Observer, Creator, Admin | Lists queues, creates messages |`).join('\n');
    const detection = detectLanguage(proseFromMarkdown(markdown));
    expect(detection.distinctWords).toBeGreaterThanOrEqual(MIN_WORDS);
    expect(detection.englishFunctionWords).toBeLessThan(MAX_ENGLISH_FUNCTION_WORDS);
    expect(detection.share).toBeLessThan(MIN_SHARE);
    expect(detection.lang).toBe('en');
  });

  it('needs few English function words: a Spanish text full of them stays English', () => {
    const sprinkled = SPANISH.split(' ')
      .map((word, i) => (i % 12 === 0 ? `the ${word}` : word))
      .join(' ');
    expect(detectLanguage(proseFromMarkdown(sprinkled)).englishFunctionWords).toBeGreaterThanOrEqual(
      MAX_ENGLISH_FUNCTION_WORDS,
    );
    expect(detect(sprinkled)).toBe('en');
  });

  it('keeps a mixed page English unless the other language is clearly most of it', () => {
    // An English article quoting one Spanish paragraph.
    expect(detect(`${ENGLISH}\n\n> ${SPANISH.split('\n').slice(0, 2).join(' ')}\n\n${ENGLISH}`)).toBe('en');
    // Half and half: not clearly anything but the site's language.
    expect(detect(`${ENGLISH}\n\n${SPANISH}`)).toBe('en');
    // A Spanish article with English product names, menu labels and commands is still Spanish.
    expect(
      detect(
        `${SPANISH}\n\nHaga clic en **Control Panel** > **Cloud Servers** y ejecute \`sudo reboot\` en Windows Server.\n\n${SPANISH}`,
      ),
    ).toBe('es');
  });

  it('reads the whole page, not only its first 2,048 characters', () => {
    expect(detect(`${SPANISH}\n\n${ENGLISH.repeat(8)}`)).toBe('en');
  });
});

describe('a declared language wins', () => {
  it('reads front matter lang or language as a canonical BCP 47 tag', () => {
    const meta = (yaml: string) =>
      mapFrontMatter('a/b/index.md', splitFrontMatter(`---\ntitle: T\n${yaml}\n---\n${ENGLISH}`));
    expect(meta('lang: pt_br').meta.lang).toBe('pt-BR');
    expect(meta('language: ES').meta.lang).toBe('es');
    expect(meta('').meta.lang).toBeUndefined();
    const bad = meta('lang: Spanish');
    expect(bad.meta.lang).toBeUndefined();
    expect(bad.warnings.map((w) => w.category)).toContain('lang-ignored');
  });

  it('accepts only language tags', () => {
    expect(declaredLanguage('en-GB')).toBe('en-GB');
    expect(declaredLanguage('zh-hant-tw')).toBe('zh-Hant-TW');
    for (const bad of ['english', 'e', 'es-', '', 42, null, ['es'], '<script>'])
      expect(declaredLanguage(bad)).toBeUndefined();
  });

  it('over the detected one, either way', () => {
    expect(pageLanguage({ declared: 'es', title: 'T', markdown: ENGLISH })).toEqual({
      lang: 'es',
      source: 'front-matter',
    });
    expect(pageLanguage({ declared: 'en', title: 'T', markdown: SPANISH })).toEqual({
      lang: 'en',
      source: 'front-matter',
    });
    expect(pageLanguage({ title: 'T', markdown: SPANISH })).toEqual({ lang: 'es', source: 'detected' });
    expect(pageLanguage({ title: 'T', markdown: ENGLISH })).toEqual({ lang: 'en', source: 'default' });
  });
});

describe('the legacy corpus', () => {
  it(`has exactly three pages that are not English: two Spanish, one Portuguese ${NEEDS_SHARED}`, (context) => {
    if (!HAS_SHARED) context.skip(NO_SHARED_REASON);
    const dir = join(SHARED_DIR, 'corpus/rackspace-how-to');
    const { pages } = planLegacyCorpus(dir, nativeArticles(join(import.meta.dirname, '../../../src/content/articles')));
    expect(pages.length).toBeGreaterThan(1500);
    // Exactly what the loader computes for each page (loader.ts, convert()), from the text read again as it does.
    const languageOf = (relPath: string) => {
      const read = readLegacyFile(dir, relPath);
      if (!('source' in read)) throw new Error(`${relPath} was planned but no longer reads`);
      return pageLanguage({
        declared: read.meta.lang,
        title: read.meta.title,
        markdown: convertShortcodes(read.body).text,
      }).lang;
    };
    const other = Object.fromEntries(
      pages.map((page) => [page.relPath, languageOf(page.relPath)] as const).filter(([, lang]) => lang !== 'en'),
    );
    expect(other).toEqual({
      'cloud-dns/como-modificar-mi-archivo-de-hosts/index.md': 'es',
      'cloud-dns/como-modifico-meus-arquivos-de-hosts/index.md': 'pt',
      'cloud-servers/migracion-de-nube-a-nube/index.md': 'es',
    });
  }, 120_000);
});
