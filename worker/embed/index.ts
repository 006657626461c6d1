import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { badge } from './badge';
import { demo } from './demo';
import { datasetFrame, indicatorFrame } from './frame';
import { oembed } from './oembed';
import { demoStyles, frameStyles, hostScript, resizeScript } from './static';
import { hashedWidgetFile, widgetScript } from './widget-script';

export { type EmbedCode, embedCode, embedSnippet, type SnippetInput } from './snippet';

/**
 * The embed kit: the widget script, iframe cards, SVG badges, oEmbed and the
 * demo page. `embedCode()` gives pages the code to show.
 */
export const embed = new Hono<AppEnv>();

embed.get('/widget.js', widgetScript);
embed.get('/widgets/:file', hashedWidgetFile);
embed.get('/embed/resize.js', resizeScript);
embed.get('/embed/host.js', hostScript);
embed.get('/embed/frame.css', frameStyles);
embed.get('/embed/demo.css', demoStyles);
embed.get('/embed/dataset/:id', datasetFrame);
embed.get('/embed/:id', indicatorFrame);
embed.get('/badge/:file', badge);
embed.get('/oembed', oembed);
embed.get('/demo', demo);
