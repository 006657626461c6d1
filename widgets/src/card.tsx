// Preact's classic h() rather than its jsx-runtime: one module less and shorter calls in the bundle (~160 B brotli).
/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
// biome-ignore lint/correctness/noUnusedImports: the classic JSX pragma above calls h and Fragment
import { type ComponentChildren, Fragment, h } from 'preact';
import type { CardFigure, CardModel } from '../../worker/card/model';
import type { Theme } from '../../worker/card/theme';
import { LANG_TAGS } from '../../worker/language/tags';

/** An element whose class and `part` share one name (`.label`, `::part(label)`). */
const Part = ({
  tag: Tag = 'p',
  name,
  children,
  ...rest
}: {
  tag?: 'p' | 'dl' | 'ul';
  name: string;
  children: ComponentChildren;
  id?: string;
}) => (
  <Tag class={name} part={name} {...rest}>
    {children}
  </Tag>
);

const Figure = ({ f }: { f: CardFigure }) => (
  <>
    {f.text}
    {f.unit && <span class="unit"> {f.unit}</span>}
  </>
);

/**
 * A card in the shadow root: the model of worker/card/model.ts (the same one
 * the iframe card and the embed code's fallback are written from) in the
 * markup card.css styles. Preact sets every text as text: nothing is parsed
 * as HTML, and nothing is an inline style.
 */
export function Card({
  m,
  theme,
  stale,
  children,
}: {
  m: CardModel;
  theme: Theme;
  stale?: boolean;
  children?: ComponentChildren;
}) {
  const note = m.note && <Part name="note">{m.note}</Part>;
  const value = m.value && (
    <Part name="value">
      <Figure f={m.value} />
    </Part>
  );
  return (
    <div class={`zz ${theme}`} lang={LANG_TAGS[m.lang]}>
      {/* biome-ignore lint/a11y/useSemanticElements: a <fieldset> is a form control group; a card is a labelled group of figures */}
      <div class={`card ${m.type}${stale ? ' stale' : ''}`} part="card" role="group" aria-labelledby="l" tabIndex={-1}>
        <Part name="label" id="l">
          {m.label}
        </Part>
        {/* A target heads its figure with its period; a rank explains its scope after it. */}
        {m.type == 'target' ? [note, value] : [value, note]}
        {m.pair && (
          <Part tag="dl" name="pair">
            {m.pair.map((x) => (
              <div>
                <dt>{x.term}</dt>
                <dd part="value">
                  <Figure f={x.figure} />
                </dd>
              </div>
            ))}
          </Part>
        )}
        {m.progress && <progress max={m.progress.max} value={m.progress.value} aria-labelledby="pl" part="progress" />}
        {m.progress && (
          <Part name="note" id="pl">
            {m.progress.note}
          </Part>
        )}
        {m.rows && (
          <Part tag="ul" name="list">
            {m.rows.map((r) => (
              <li key={r.id}>
                <span>{r.label}</span>
                <b>
                  <Figure f={r.figure} />
                </b>
              </li>
            ))}
          </Part>
        )}
        <Part name="foot">
          {m.when && (
            <span>
              <time dateTime={m.when.datetime}>{m.when.text}</time>
            </span>
          )}
          <span>
            {m.source.prefix}
            {/^https?:/.test(m.source.href) ? (
              <a href={m.source.href} part="source">
                {m.source.publisher}
              </a>
            ) : (
              m.source.publisher
            )}
          </span>
        </Part>
        {children}
      </div>
    </div>
  );
}
