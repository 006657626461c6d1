/**
 * The embed builder of indicator and dataset pages: the card's language and theme to choose, a live preview (the
 * iframe card itself, same-origin), and the code of every form (script tag with the element, iframe, badge as HTML
 * and as Markdown, oEmbed URL), each with a copy button, with a word on when to choose which.
 *
 * Without JavaScript the page shows the code of its own language in the default theme and the preview of it; the
 * choices start `hidden`. The code of every other choice is rendered here too, inert in `<template>` elements, and
 * the page script (`webmaster-script.ts`) copies the chosen one into place and re-points the preview: nothing is
 * built in the browser, so what it shows is exactly what the embed kit makes. Needs `frame-src 'self'` for the
 * preview: {@link BUILDER_CSP}.
 */
import type { Context } from 'hono';
import { DEFAULT_THEME, THEMES, type Theme } from '../card';
import type { AppEnv } from '../env';
import { colon, type EmbedForm, LANG_TAGS, otherLang, WEBMASTER_WORDS, WORDS } from '../language';
import { demoPath, framePath } from '../links';
import { type EmbedCode, embedCode, isDataset } from '../markup';
import { type Dataset, type Indicator, LANGS, type Lang } from '../schema';
import { type Html, h } from './html';
import { PAGE_CSP } from './page-response';

/** The page CSP plus `frame-src 'self'`, for the builder's preview of the iframe card. */
export const BUILDER_CSP = `${PAGE_CSP}; frame-src 'self'`;

/** The embed code of one choice of language and theme. */
export interface BuilderVariant {
  lang: Lang;
  theme: Theme;
  code: EmbedCode;
}

/** `undefined` for the default theme: the embed code then writes no `theme` (as the widget's default). */
const themeParam = (theme: Theme): Theme | undefined => (theme === DEFAULT_THEME ? undefined : theme);

/** The embed code of `target` in every language and theme, for the current request (memoised by `embedCode`). */
export function builderVariants(c: Context<AppEnv>, target: Indicator | Dataset): Promise<BuilderVariant[]> {
  return Promise.all(
    LANGS.flatMap((lang) =>
      THEMES.map(async (theme) => ({
        lang,
        theme,
        code: await embedCode(c, target, lang, { theme: themeParam(theme) }),
      })),
    ),
  );
}

/**
 * The iframe code without the browser's default border. `frameborder="0"` rather than `style="border:0"`: a host
 * page under a strict CSP (`style-src` without `'unsafe-inline'`, as government sites send) blocks inline style
 * attributes, and CMS editors commonly strip `style` from pasted HTML; the presentational attribute survives both
 * and every browser honours it (HTML's rendering rules). Left alone if the kit's code already sets a border.
 */
export const borderless = (iframe: string): string =>
  /\s(frameborder|style)=/i.test(iframe) ? iframe : iframe.replace(/>(?=<\/iframe>$)/, ' frameborder="0">');

/** The oEmbed URL with the chosen theme (the oEmbed endpoint takes `theme`; the page URL gives the language). */
const oembedUrl = (code: EmbedCode, theme: Theme): string =>
  themeParam(theme) ? `${code.oembed}&theme=${theme}` : code.oembed;

/** Every form's code of one variant, in the order shown; a dataset has no badge. */
function forms(code: EmbedCode, theme: Theme): [EmbedForm, string][] {
  const all: [EmbedForm, string][] = [
    ['script', code.html],
    ['iframe', borderless(code.iframe)],
    ['badge', code.badge],
    ['markdown', code.markdown],
    ['oembed', oembedUrl(code, theme)],
  ];
  return all.filter(([, text]) => text !== '');
}

/** The `id` of a form's `<code>`: the script form keeps the indicator page's `embed-code`. */
export const codeId = (form: EmbedForm): string => (form === 'script' ? 'embed-code' : `embed-code-${form}`);
const statusId = (form: EmbedForm): string => (form === 'script' ? 'copy-status' : `copy-status-${form}`);

/** The iframe card's path for the preview (same-origin, so the page CSP's `frame-src 'self'` allows it). */
const previewPath = (target: Indicator | Dataset, lang: Lang, theme: Theme): string =>
  framePath(isDataset(target) ? 'dataset' : 'indicator', target.id, lang, themeParam(theme));

/** A language's name in itself (中文, English): the other language's switch link says it. */
const languageName = (l: Lang): string => WORDS[otherLang(l)].switchTo;

function radio(name: string, value: string, label: string, checked: boolean, lang?: string): Html {
  return h`<label${lang ? h` lang="${lang}"` : ''}><input type="radio" name="${name}" value="${value}"${checked ? h` checked` : ''}> ${label}</label>`;
}

/**
 * The builder section. `code` is the default (the page's language, default theme) and is what shows without
 * JavaScript; `variants` are every choice (without them, the choices stay hidden and only the default shows).
 */
export function embedBuilder(
  target: Indicator | Dataset,
  code: EmbedCode,
  variants: readonly BuilderVariant[] | undefined,
  lang: Lang,
): Html {
  const w = WORDS[lang];
  const b = WEBMASTER_WORDS[lang].builder;
  const heading = isDataset(target) ? b.headingDataset : w.embed;
  const label = isDataset(target) ? target.title[lang] : target.label[lang];
  const shown = forms(code, DEFAULT_THEME);
  const choices = variants?.length
    ? h`<div class="builder-controls" data-builder-controls hidden>
<fieldset><legend>${b.language}</legend>
${LANGS.map((l) => radio('builder-lang', l, languageName(l), l === lang, l === lang ? undefined : LANG_TAGS[l]))}
</fieldset>
<fieldset><legend>${b.theme}</legend>
${THEMES.map((t) => radio('builder-theme', t, b.themes[t], t === DEFAULT_THEME))}
</fieldset>
<p class="builder-status" role="status" data-updated="${b.updated}"></p>
</div>
`
    : '';
  return h`<section class="builder" aria-labelledby="embed" data-builder>
<h2 id="embed">${heading}</h2>
<p>${b.intro}</p>
${choices}<div class="builder-preview">
<p class="muted">${b.preview}${colon(lang)}${b.previewNote}</p>
<iframe src="${previewPath(target, lang, DEFAULT_THEME)}" title="${b.preview} · ${label}" width="${code.width}" height="${code.height}" data-builder-preview></iframe>
</div>
<h3 id="embed-choose">${b.choose}</h3>
<ul>
${b.advice.map((a) => h`<li>${a}</li>\n`)}</ul>
${shown.map(
  ([form, text]) => h`<h3 id="form-${form}">${b.forms[form].title}</h3>
<p>${b.forms[form].help}</p>
<pre><code id="${codeId(form)}">${text}</code></pre>
<p class="copy"><button type="button" data-copy="${codeId(form)}" data-status="${statusId(form)}" data-done="${w.copied}" data-failed="${w.copyFailed}" aria-describedby="form-${form}" hidden>${b.copy}</button> <span id="${statusId(form)}" role="status"></span></p>
`,
)}${(variants ?? []).map(
  (
    v,
  ) => h`<template data-lang="${v.lang}" data-theme="${v.theme}" data-preview="${previewPath(target, v.lang, v.theme)}" data-height="${v.code.height}">${forms(v.code, v.theme).map(([form, text]) => h`<code data-for="${codeId(form)}">${text}</code>`)}</template>
`,
)}<p><a href="${demoPath()}">${b.demo}</a></p>
</section>`;
}
