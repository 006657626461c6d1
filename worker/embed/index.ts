import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { ROUTES } from '../links';
import { badge } from './badge';
import { demo } from './demo';
import { datasetFrame, indicatorFrame } from './frame';
import { oembed } from './oembed';
import { demoStyles, frameStyles, hostScript, resizeScript } from './static';
import { hashedWidgetFile, widgetScript } from './widget-script';

/**
 * The embed kit: the widget script, iframe cards, SVG badges, oEmbed and the
 * demo page. Embed code itself is written by `worker/markup`, which pages use too.
 */
export const embed = new Hono<AppEnv>();

embed.get(ROUTES.widget, widgetScript);
embed.get(ROUTES.widgetFile, hashedWidgetFile);
embed.get(ROUTES.frameScript, resizeScript);
embed.get(ROUTES.hostScript, hostScript);
embed.get(ROUTES.frameStyles, frameStyles);
embed.get(ROUTES.demoStyles, demoStyles);
embed.get(ROUTES.datasetFrame, datasetFrame);
embed.get(ROUTES.indicatorFrame, indicatorFrame);
embed.get(ROUTES.badge, badge);
embed.get(ROUTES.oembed, oembed);
embed.get(ROUTES.demo, demo);
