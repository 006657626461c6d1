/**
 * `/badge/:id.svg`: a shields.io-style badge, label on the left and the figure
 * (qualifier included) on the right, for `<img>` and Markdown. Self-contained
 * SVG: no fonts, styles, scripts or links to fetch; an accessible name.
 */
import type { Context } from 'hono';
import { cardFigure, figureText, indicatorCardType } from '../card';
import type { AppEnv } from '../env';
import { formatWhen } from '../format';
import { Problem, parseQuery, render, send } from '../http';
import { colon, paren } from '../language';
import { badgePath } from '../links';
import { attr, escapeHtml, textWidth } from '../markup';
import { ID_PATTERN, type Indicator, type Lang } from '../schema';
import { indicatorOr404, LangParam } from './params';

/** Policy for the SVG opened on its own or in an `<object>`: it needs nothing at all, and is harmless anywhere. */
export const BADGE_CSP = "default-src 'none'; frame-ancestors *";

const FONT_SIZE = 11;
const PAD = 6;
const HEIGHT = 20;
/** Right-hand colours by card kind; white text on each is at least 4.5:1. */
const COLOURS = { number: '#1a7f37', target: '#0969da', rank: '#8250df' } as const;

/** The badge of an indicator as SVG. */
export function badgeSvg(indicator: Indicator, lang: Lang): string {
  const label = indicator.label[lang];
  const value = figureText(cardFigure(indicator, lang));
  const when = formatWhen(indicator, lang);
  const name = `${label}${colon(lang)}${value}`;
  const lt = Math.ceil(textWidth(label, FONT_SIZE));
  const vt = Math.ceil(textWidth(value, FONT_SIZE));
  const lw = lt + 2 * PAD;
  const vw = vt + 2 * PAD;
  const w = lw + vw;
  const text = (x: number, length: number, content: string) =>
    `<text${attr('x', x)} y="14"${attr('textLength', length)} lengthAdjust="spacingAndGlyphs">${escapeHtml(content)}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg"${attr('width', w)}${attr('height', HEIGHT)}${attr('viewBox', `0 0 ${w} ${HEIGHT}`)} role="img"${attr('aria-label', name)}${attr('xml:lang', lang)}>
<title>${escapeHtml(name + paren(lang, when))}</title>
<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="r"><rect${attr('width', w)}${attr('height', HEIGHT)} rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#r)"><rect${attr('width', lw)}${attr('height', HEIGHT)} fill="#555"/><rect${attr('x', lw)}${attr('width', vw)}${attr('height', HEIGHT)}${attr('fill', COLOURS[indicatorCardType(indicator)])}/><rect${attr('width', w)}${attr('height', HEIGHT)} fill="url(#s)"/></g>
<g fill="#fff" text-anchor="middle" font-family="Verdana, Geneva, 'DejaVu Sans', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"${attr('font-size', FONT_SIZE)}>
${text(lw / 2, lt, label)}
${text(lw + vw / 2, vt, value)}
</g>
</svg>
`;
}

/** `GET /badge/:id.svg?lang=zh|en` */
export const badge = (c: Context<AppEnv>) => {
  const file = c.req.param('file') ?? '';
  const id = file.endsWith('.svg') ? file.slice(0, -4) : '';
  if (!ID_PATTERN.test(id))
    throw new Problem(404, 'not-found', `No badge "${file}". Badges are at ${badgePath('<indicator id>', 'zh')}.`);
  const snapshot = c.var.snapshot;
  const indicator = indicatorOr404(snapshot, id);
  const { lang } = parseQuery(c, { lang: LangParam });
  const rendered = render(snapshot, `badge:${id}:${lang}`, 'image/svg+xml; charset=utf-8', () =>
    badgeSvg(indicator, lang),
  );
  return send(c, snapshot, rendered, { headers: { 'Content-Security-Policy': BADGE_CSP } });
};
