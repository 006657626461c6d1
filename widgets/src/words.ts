import type { Lang } from '../../worker/schema';

/**
 * The widget's own words: the states a server-rendered card never has.
 * Everything else a card says comes from worker/embed/card.ts.
 */
export const WORDS = {
  zh: { stale: '未能更新,显示上次的数据', failed: '未能加载数据', missing: '未找到该指标', retry: '重试' },
  en: {
    stale: 'Not updated: last figures shown',
    failed: 'Could not load the figures',
    missing: 'No such indicator',
    retry: 'Retry',
  },
} satisfies Record<Lang, Record<string, string>>;
