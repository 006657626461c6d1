/**
 * `/demo`: every card kind (number, target with progress, ranking, dataset)
 * in both languages and both themes through the real widget script, then the
 * `<div>` placeholder, iframe and badge forms, and the embed code. Chinese
 * first (the page's language), English after each heading and paragraph; it
 * says when to choose which form and links the catalog of indicators. The page
 * runs under the same strict CSP a government site would: everything is
 * same-origin, nothing inline.
 */
import type { Context } from 'hono';
import { CARD_TYPES, type CardType, indicatorCard, indicatorCardType, type Theme } from '../card';
import type { Snapshot } from '../data-source';
import type { AppEnv } from '../env';
import { parseQuery, publicOrigin, render, send } from '../http';
import { contentLanguage, LANG_TAGS, WEBMASTER_WORDS } from '../language';
import { demoStylesPath, hostScriptPath, indicatorsPath } from '../links';
import { attr, embedSnippet, escapeHtml, scriptTag, type WidgetManifest, widgetManifest } from '../markup';
import { type Dataset, type Indicator, LANGS, type Lang } from '../schema';

/** The demo's policy: the strict host-page CSP of issue 3, plus our own frames and images. */
export const DEMO_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const DEMO_THEMES = ['light', 'dark'] as const satisfies readonly Theme[];

/** One example of a card type. */
export interface DemoPick {
  type: CardType;
  target: Indicator | Dataset;
}

/** One example of each card type, picked from the data; the target is one with a progress bar where the data has one. */
export function demoPicks(snapshot: Snapshot, origin: string): DemoPick[] {
  const of = (type: CardType, test: (i: Indicator) => boolean = () => true) =>
    snapshot.indicators.find((i) => indicatorCardType(i) === type && test(i));
  const found: Record<CardType, Indicator | Dataset | undefined> = {
    number: of('number'),
    target:
      of('target', (i) => i.kind === 'target' && indicatorCard(i, 'zh', snapshot, origin).progress !== undefined) ??
      of('target'),
    rank: of('rank'),
    dataset: snapshot.datasets[0],
  };
  return CARD_TYPES.flatMap((type) => (found[type] ? [{ type, target: found[type] }] : []));
}

const WORDS = {
  zh: {
    lang: '中文',
    light: '浅色',
    dark: '深色',
    number: '数字卡片',
    target: '目标卡片（含进度）',
    rank: '排名卡片',
    dataset: '数据集卡片',
  },
  en: {
    lang: 'English',
    light: 'light',
    dark: 'dark',
    number: 'Number card',
    target: 'Target card, with progress',
    rank: 'Ranking card',
    dataset: 'Dataset card',
  },
} as const satisfies Record<Lang, Record<CardType | (typeof DEMO_THEMES)[number] | 'lang', string>>;

/** The demo page. `origin` is used for links inside cards; scripts, frames and badges are same-origin paths. */
export function demoPage(snapshot: Snapshot, origin: string, manifest: WidgetManifest | undefined): string {
  const picks = demoPicks(snapshot, origin);
  const code = (target: Indicator | Dataset, lang: Lang, theme?: Theme) =>
    embedSnippet({ origin, target, lang, theme, manifest, data: snapshot });
  // Paths, not absolute URLs: the page's CSP allows only its own origin, whatever PUBLIC_ORIGIN says.
  const local = (html: string) => html.split(`${origin}/`).join('/');
  const item = (caption: string, html: string) =>
    `<figure class="demo-item">\n<figcaption>${escapeHtml(caption)}</figcaption>\n${html}\n</figure>`;

  const sections: string[] = [];
  for (const lang of LANGS) {
    for (const theme of DEMO_THEMES) {
      const w = WORDS[lang];
      const id = `cards-${lang}-${theme}`;
      const cards = picks.map((p) => item(w[p.type], code(p.target, lang, theme).element));
      sections.push(`<section class="demo-section demo-${theme}"${attr('lang', lang)}${attr('aria-labelledby', id)}>
<h3${attr('id', id)}>${escapeHtml(`${w.lang} · ${w[theme]}`)}</h3>
<div class="demo-grid">
${cards.join('\n')}
</div>
</section>`);
    }
  }
  const [first] = picks;
  const divs = LANGS.map((lang) => item(`<div data-zz-…> · ${WORDS[lang].lang}`, code(first!.target, lang).div));
  const frames = LANGS.flatMap((lang) =>
    DEMO_THEMES.map((theme, n) => {
      const p = picks[(LANGS.indexOf(lang) * 2 + n) % picks.length]!;
      return item(
        `<iframe> · ${WORDS[lang][p.type]} · ${WORDS[lang].lang} · ${WORDS[lang][theme]}`,
        local(code(p.target, lang, theme).iframe),
      );
    }),
  );
  const badges = LANGS.flatMap((lang) =>
    picks.filter((p) => !('indicators' in p.target)).map((p) => local(code(p.target, lang).badge)),
  );
  const sample = code(first!.target, 'zh');

  const advice = (lang: Lang) =>
    `<ul${attr('lang', LANG_TAGS[lang])}>\n${WEBMASTER_WORDS[lang].builder.advice.map((a) => `<li>${escapeHtml(a)}</li>`).join('\n')}\n</ul>`;
  const both = (zh: string, en: string) => `${escapeHtml(zh)} · <span lang="en">${escapeHtml(en)}</span>`;

  return `<!DOCTYPE html>
<html lang="${LANG_TAGS.zh}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(`嵌入示例 · Embed kit demo · ${snapshot.meta.title.zh}`)}</title>
<link rel="stylesheet"${attr('href', demoStylesPath())}>
${scriptTag('', manifest)}
<script${attr('src', hostScriptPath())} defer></script>
</head>
<body>
<header>
<h1>${escapeHtml(`${snapshot.meta.title.zh}：嵌入示例`)}<br><span lang="en">${escapeHtml(`${snapshot.meta.title.en}: embed kit demo`)}</span></h1>
<p>每种卡片的中英文、浅色与深色版本，全部通过真实的组件脚本显示，页面使用严格的内容安全策略（<code lang="en">${escapeHtml(DEMO_CSP)}</code>）。即使不运行 JavaScript，卡片中由服务器生成的文字也完整可读。要嵌入某个数字，请在<a${attr('href', indicatorsPath('zh'))}>全部指标</a>中打开它的页面，用“嵌入此数字”生成代码。</p>
<p lang="en">Every card kind in Chinese and English, light and dark, through the real widget script under a strict Content-Security-Policy. Without JavaScript each card still reads right: its fallback text comes from the server. To embed a figure, open its page from <a${attr('href', indicatorsPath('en'))}>All indicators</a> and use “Embed this figure”.</p>
</header>
<main>
<h2>${both('选择哪种方式', 'Which form to choose')}</h2>
${advice('zh')}
${advice('en')}
<h2>${both('自定义元素 <zz-indicator>', 'Custom element')}</h2>
${sections.join('\n')}
<h2>${both('占位元素 <div>（用于会删除未知标签的内容管理系统）', 'Placeholder for CMSes that strip unknown tags')}</h2>
<div class="demo-grid">
${divs.join('\n')}
</div>
<h2>${both('内嵌框架（页面上不运行脚本）', 'Iframe, no script on the host page')}</h2>
<div class="demo-grid">
${frames.join('\n')}
</div>
<h2>${both('徽章（SVG 图片）', 'SVG badges')}</h2>
<p>${badges.join('\n')}</p>
<h2>${both('嵌入代码', 'Embed code')}</h2>
<pre><code>${escapeHtml(sample.html)}</code></pre>
<pre><code>${escapeHtml(sample.iframe)}</code></pre>
<pre><code>${escapeHtml(sample.markdown)}</code></pre>
</main>
</body>
</html>
`;
}

/** `GET /demo` */
export const demo = async (c: Context<AppEnv>) => {
  parseQuery(c, {});
  const snapshot = c.var.snapshot;
  const origin = publicOrigin(c);
  const manifest = await widgetManifest(c);
  const rendered = render(snapshot, `embed-demo:${origin}:${manifest?.script ?? '-'}`, 'text/html; charset=utf-8', () =>
    demoPage(snapshot, origin, manifest),
  );
  return send(c, snapshot, rendered, {
    headers: { 'Content-Security-Policy': DEMO_CSP, 'Content-Language': contentLanguage() },
  });
};
