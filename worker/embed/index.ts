import { Hono } from 'hono';
import type { App } from '../app-env';
import { hashedWidgetFile, widgetScript } from './widget-script';

/** Embed kit routes: the widget script (more to come: iframe cards, badges, oEmbed). */
export const embed = new Hono<App>();

embed.get('/widget.js', widgetScript);
embed.get('/widgets/:file', hashedWidgetFile);
