/**
 * `/badge/:id.svg`: a shields.io-style badge, label on the left and the figure
 * (qualifier included) on the right, for `<img>` and Markdown. Self-contained
 * SVG: no fonts, styles, scripts or links to fetch; an accessible name.
 */
import type { Context } from 'hono';
import { cardFigure, figureText, indicatorCardType } from '../card';
import type { AppEnv } from '../env';
import { formatWhen } from '../format';
import { CACHE_NOT_FOUND, parseQuery, render, send } from '../http';
import { colon, paren } from '../language';
import { BADGE_WORDS } from '../language/card-words';
import { attr, escapeHtml, textWidth } from '../markup';
import type { Indicator, Lang } from '../schema';
import { LangParam } from './params';

/** Policy for the SVG opened on its own or in an `<object>`: it needs nothing at all, and is harmless anywhere. */
export const BADGE_CSP = "default-src 'none'; frame-ancestors *";

const FONT_SIZE = 11;
const PAD = 6;
const HEIGHT = 20;
/** Right-hand colours by card kind; white text on each is at least 4.5:1. */
const COLOURS = { number: '#1a7f37', target: '#0969da', rank: '#8250df' } as const;
/** The not-found badge's right half: grey, as shields.io's, dark enough for white text (4.6:1). */
const GREY = '#6e7781';

/** A two-part badge: `left` on dark grey, `right` on `colour`; `name` is its accessible name, `title` its tooltip. */
function badgeShape(left: string, right: string, colour: string, name: string, title: string, lang: Lang): string {
  const lt = Math.ceil(textWidth(left, FONT_SIZE));
  const vt = Math.ceil(textWidth(right, FONT_SIZE));
  const lw = lt + 2 * PAD;
  const vw = vt + 2 * PAD;
  const w = lw + vw;
  const text = (x: number, length: number, content: string) =>
    `<text${attr('x', x)} y="14"${attr('textLength', length)} lengthAdjust="spacingAndGlyphs">${escapeHtml(content)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg"${attr('width', w)}${attr('height', HEIGHT)}${attr('viewBox', `0 0 ${w} ${HEIGHT}`)} role="img"${attr('aria-label', name)}${attr('xml:lang', lang)}>
<title>${escapeHtml(title)}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect${attr('width', w)}${attr('height', HEIGHT)} rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect${attr('width', lw)}${attr('height', HEIGHT)} fill="#555"/><rect${attr('x', lw)}${attr('width', vw)}${attr('height', HEIGHT)}${attr('fill', colour)}/><rect${attr('width', w)}${attr('height', HEIGHT)} fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana, Geneva, 'DejaVu Sans', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"${attr('font-size', FONT_SIZE)}>
${text(lw / 2, lt, left)}
${text(lw + vw / 2, vt, right)}
</g>
</svg>
`;
}

/** The badge of an indicator as SVG. */
export function badgeSvg(indicator: Indicator, lang: Lang): string {
  const label = indicator.label[lang];
  const value = figureText(cardFigure(indicator, lang));
  const name = `${label}${colon(lang)}${value}`;
  const title = name + paren(lang, formatWhen(indicator, lang));
  return badgeShape(label, value, COLOURS[indicatorCardType(indicator)], name, title, lang);
}

/** Longest id a not-found badge repeats (the URL is anyone's text; the badge stays a badge). */
const MAX_SHOWN_ID = 40;

/**
 * The badge of an id we do not have: `<id> | 未找到` (`not found`) in grey, as shields.io answers an unknown badge,
 * so an `<img>` shows a badge that says what is wrong rather than a broken image.
 */
export function notFoundBadgeSvg(id: string, lang: Lang): string {
  const w = BADGE_WORDS[lang];
  const shown = id.length > MAX_SHOWN_ID ? `${id.slice(0, MAX_SHOWN_ID - 1)}…` : id || w.indicator;
  const name = `${w.indicator} ${shown}${colon(lang)}${w.notFound}`;
  return badgeShape(shown, w.notFound, GREY, name, name, lang);
}

/** `GET /badge/:id.svg?lang=zh|en`; an unknown id (or file name) is the grey not-found badge, status 404. */
export const badge = (c: Context<AppEnv>) => {
  const file = c.req.param('file') ?? '';
  const id = file.replace(/\.svg$/, '');
  const snapshot = c.var.snapshot;
  const indicator = file.endsWith('.svg') ? snapshot.indicator(id) : undefined;
  // Never a 400: an unknown language is the default one, unknown names are ignored (`?v=2` from a CMS).
  const { lang } = parseQuery(c, { lang: LangParam });
  if (!indicator) {
    return c.body(notFoundBadgeSvg(id, lang), 404, {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Content-Security-Policy': BADGE_CSP,
      'Cache-Control': CACHE_NOT_FOUND,
    });
  }
  const rendered = render(snapshot, `badge:${id}:${lang}`, 'image/svg+xml; charset=utf-8', () =>
    badgeSvg(indicator, lang),
  );
  return send(c, snapshot, rendered, { headers: { 'Content-Security-Policy': BADGE_CSP } });
};
