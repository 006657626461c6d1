import { LANG_TAGS } from '../language';
import type { Lang, Source } from '../schema';
import { type Html, h } from './html';

/**
 * The verbatim sentence a figure is quoted from, as a `<blockquote>` in
 * Chinese (marked `lang="zh-CN"` on English pages too, because it is the
 * original) with publisher, title and section in the caption.
 */
export function sourceQuote(source: Source, lang: Lang): Html {
  const section = source.section;
  const caption =
    lang === 'zh'
      ? h`《${source.publisher.zh}》<cite>《${source.title.zh}》</cite>${section ? h` · 小节“${section.zh}”` : ''}`
      : h`<cite>${source.publisher.en}</cite>, “${source.title.en}”${
          section ? h`, section “${section.en}” (<span lang="${LANG_TAGS.zh}">${section.zh}</span>)` : ''
        }`;
  return h`<figure class="quote">
<blockquote lang="${LANG_TAGS.zh}"><p>${source.quote}</p></blockquote>
<figcaption>${caption}</figcaption>
</figure>`;
}
