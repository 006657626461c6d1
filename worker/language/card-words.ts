/**
 * The words of cards, shared by the widget and the server-written card (iframe, fallback text, badge).
 * Browser-safe: the widget bundle imports this file.
 */
import type { Lang } from '../schema';

/** What every card says besides its figures. */
export const CARD_WORDS = {
  zh: {
    source: '来源：',
    target: '目标',
    soFar: '已完成',
    ofTarget: '目标完成度',
    scope: '排名范围：',
    trend: '走势',
    updated: '更新于',
  },
  en: {
    source: 'Source: ',
    target: 'Target',
    soFar: 'So far',
    ofTarget: 'Progress towards the target',
    scope: 'Ranked ',
    trend: 'Trend',
    updated: 'Updated ',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/**
 * The states only a live card has (the widget's): stale (the last figures stay, the card's border dashed), failed (no
 * figures yet: the fallback text stays), and its retry button. Short, so they fit one line of a 200 px card.
 */
export const WIDGET_WORDS = {
  zh: { stale: '未能更新', failed: '未能加载', retry: '重试' },
  en: { stale: 'Could not update', failed: 'Could not load', retry: 'Retry' },
} as const satisfies Record<Lang, Record<string, string>>;

/**
 * The not-found card of an unknown id (the widget's and the iframe's): what was not found, the id asked for, and the
 * link to the list of ids.
 */
export const MISSING_WORDS = {
  zh: { indicator: '未找到该指标', dataset: '未找到该数据集', id: '编号：', list: '查看全部指标' },
  en: { indicator: 'No such indicator', dataset: 'No such dataset', id: 'Id: ', list: 'See all indicators' },
} as const satisfies Record<Lang, Record<string, string>>;

/** The grey badge of an unknown id (server only: the widget bundle never imports it). */
export const BADGE_WORDS = {
  zh: { notFound: '未找到', indicator: '指标' },
  en: { notFound: 'not found', indicator: 'indicator' },
} as const satisfies Record<Lang, Record<string, string>>;
