/**
 * Words of the webmaster's pages: the catalog of every indicator (`/indicators`) and the embed builder on indicator
 * and dataset pages. The page script reads the counting phrases from the page (`data-*` attributes) and fills `{n}`
 * and `{total}`, so no words live in the script.
 */
import type { Lang } from '../schema';

/** The embed forms the builder offers, in the order it shows them. */
export type EmbedForm = 'script' | 'iframe' | 'badge' | 'markdown' | 'oembed';

export interface CatalogWords {
  /** The navigation link. */
  nav: string;
  title: string;
  lede: string;
  /** Where to go to embed a figure; `demo` is the link text to the demo page. */
  embedNote: string;
  demo: string;
  filter: string;
  filterHint: string;
  /** Live count when every indicator is shown: `{total}`. */
  countAll: string;
  /** Live count of matches: `{n}` of `{total}`. */
  countSome: string;
  /** Count when a long catalog lists only the first figures of each dataset: `{total}` listed of `{all}`. */
  countListed: string;
  /** Why a long catalog lists only the first `{max}` figures of each dataset, and where the rest are. */
  listedNote: string;
  none: string;
  colId: string;
}

export interface BuilderWords {
  /** The builder's heading on a dataset page (an indicator page keeps its `embed` heading). */
  headingDataset: string;
  intro: string;
  language: string;
  theme: string;
  themes: { light: string; dark: string; auto: string };
  /** Said (politely) after a change of choice: `{lang}` and `{theme}` are the chosen labels. */
  updated: string;
  preview: string;
  previewNote: string;
  forms: Record<EmbedForm, { title: string; help: string }>;
  choose: string;
  /** When to choose which form, one item each. */
  advice: string[];
  demo: string;
  copy: string;
}

export const WEBMASTER_WORDS: Readonly<Record<Lang, { catalog: CatalogWords; builder: BuilderWords }>> = {
  zh: {
    catalog: {
      nav: '全部指标',
      title: '全部指标',
      lede: '本站发布的每一项指标，按数据集分组，附当前数值（保留“以上”“左右”“多”等限定词）。点击指标名称可查看详细信息、报道原文和嵌入代码。',
      embedNote: '要把某个数字嵌入您的网站，请打开它的指标页面，使用“嵌入此数字”生成代码。',
      demo: '查看所有卡片样式的示例页',
      filter: '筛选指标',
      filterHint: '输入名称、标识符或数据集名称中的文字，如“平台”或 platforms。',
      countAll: '共{total}项指标。',
      countSome: '显示{total}项指标中的{n}项。',
      countListed: '本页列出{total}项指标（共{all}项）。',
      listedNote:
        '指标较多，本页每个数据集只列出前{max}项；数据集页面列出其全部指标，接口和 CSV 可分页取得全部指标。筛选只在本页列出的指标中进行。',
      none: '没有符合条件的指标。',
      colId: '标识符',
    },
    builder: {
      headingDataset: '嵌入此数据集',
      intro: '选择卡片的语言和配色，下方的预览和每种代码都会随之更新。',
      language: '卡片语言',
      theme: '配色',
      themes: { light: '浅色', dark: '深色', auto: '跟随访客系统设置' },
      updated: '代码和预览已更新：{lang}、{theme}。',
      preview: '预览',
      previewNote: '预览使用与内嵌框架相同的卡片。',
      forms: {
        script: {
          title: '脚本标签（推荐）',
          help: '适用于允许添加脚本的网站：数值实时更新，读屏软件可以朗读，体积最小。脚本加载前，标签内的文字照常显示。',
        },
        iframe: {
          title: '内嵌框架（iframe）',
          help: '适用于会删除脚本的内容管理系统（CMS）：页面上不需要运行任何脚本。代码已写明宽度、高度和无边框。',
        },
        badge: {
          title: '徽章（HTML）',
          help: '一张 SVG 图片，适用于只能插入图片的地方，如邮件和简单的编辑器。',
        },
        markdown: {
          title: '徽章（Markdown）',
          help: '适用于论坛、代码仓库说明和 Markdown 文档等纯文本场合；图片链接到本站的指标页面。',
        },
        oembed: {
          title: 'oEmbed 地址',
          help: '适用于支持 oEmbed 的平台：通常只需粘贴本页网址，平台会自动找到这个地址并嵌入卡片。',
        },
      },
      choose: '选择哪种方式',
      advice: [
        '网站允许添加脚本：用脚本标签。卡片实时更新、读屏软件可读、体积最小。',
        '内容管理系统会删除脚本：用内嵌框架（iframe）。',
        '论坛、Markdown、邮件等纯文本场合：用徽章。',
      ],
      demo: '查看所有卡片样式的示例页',
      copy: '复制代码',
    },
  },
  en: {
    catalog: {
      nav: 'Indicators',
      title: 'All indicators',
      lede: 'Every indicator this site publishes, grouped by dataset, with its current figure (qualifiers such as “at least” and “about” kept). Follow a name for the details, the sentence of the report and the embed code.',
      embedNote: 'To embed a figure in your website, open its indicator page and use “Embed this figure”.',
      demo: 'See every kind of card on the demo page',
      filter: 'Filter indicators',
      filterHint: 'Type part of a name, an identifier or a dataset’s title, such as “platforms”.',
      countAll: 'All {total} indicators.',
      countSome: '{n} of {total} indicators.',
      countListed: '{total} of all {all} indicators listed.',
      listedNote:
        'There are many indicators, so this page lists the first {max} of each dataset; each dataset’s page lists all of its indicators, and the API and CSV give all of them, a page at a time. The filter searches the indicators listed here.',
      none: 'No indicator matches.',
      colId: 'Identifier',
    },
    builder: {
      headingDataset: 'Embed this dataset',
      intro: 'Choose the card’s language and theme; the preview and every form of the code below follow.',
      language: 'Card language',
      theme: 'Theme',
      themes: { light: 'Light', dark: 'Dark', auto: 'Follow the visitor’s system setting' },
      updated: 'Code and preview updated: {lang}, {theme}.',
      preview: 'Preview',
      previewNote: 'The preview is the same card the iframe shows.',
      forms: {
        script: {
          title: 'Script tag (recommended)',
          help: 'For sites that allow scripts: the figure stays live, screen readers read it, and it is the smallest. Until the script loads, the text inside the tag shows as it is.',
        },
        iframe: {
          title: 'Iframe',
          help: 'For content management systems (CMS) that strip scripts: nothing runs on your page. The code gives width, height and no border.',
        },
        badge: {
          title: 'Badge (HTML)',
          help: 'An SVG image, for places that take only images, such as e-mails and simple editors.',
        },
        markdown: {
          title: 'Badge (Markdown)',
          help: 'For plain-text places such as forums, README files and Markdown documents; the image links to the indicator page.',
        },
        oembed: {
          title: 'oEmbed address',
          help: 'For platforms that support oEmbed: usually you paste this page’s address and the platform finds this one and embeds the card.',
        },
      },
      choose: 'Which form to choose',
      advice: [
        'Your site allows scripts: the script tag. Live, readable by screen readers, smallest.',
        'Your CMS strips scripts: the iframe.',
        'Plain-text places (forums, Markdown, e-mails): the badge.',
      ],
      demo: 'See every kind of card on the demo page',
      copy: 'Copy code',
    },
  },
};
