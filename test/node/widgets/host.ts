/**
 * A host site on another origin (`http://localhost:<port>`, while the Worker
 * is `http://127.0.0.1:<port>`): it serves pages under the strict CSP a
 * government site would send, allowing scripts and connections only to the
 * Worker and styles only from itself.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The host site's own stylesheet (allowed by `style-src 'self'`): a plain page, nothing for the cards. */
const HOST_CSS = `body { font: 16px/1.5 system-ui, sans-serif; margin: 0; padding: 16px; color: #111; background: #fff; }
main { max-width: 40rem; margin: 0 auto; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 16px; }
.dark-section { background: #0f1114; color: #eee; padding: 16px; }
.dark-section a { color: #9cf; }
`;

export interface HostSite {
  origin: string;
  /** Publishes `html` at `path` (served with the strict CSP). */
  page(path: string, html: string): string;
  /**
   * Publishes a stylesheet of the host's own at `path` (allowed by `style-src 'self'`), answered `delayMs` late (a
   * slow CMS asset server: the async widget script may run before it applies).
   */
  stylesheet(path: string, css: string, delayMs?: number): string;
  close(): Promise<void>;
}

/** The CSP of the issue: scripts and data only from the API origin, styles only from the host itself. */
export const strictCsp = (apiOrigin: string) =>
  `default-src 'none'; script-src ${apiOrigin}; connect-src ${apiOrigin}; style-src 'self'; require-trusted-types-for 'script'`;

export async function startHost(apiOrigin: string): Promise<HostSite> {
  const pages = new Map<string, string>();
  const styles = new Map([['/host.css', { css: HOST_CSS, delayMs: 0 }]]);
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const style = styles.get(path);
    if (style !== undefined) {
      const send = () => res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8' }).end(style.css);
      if (style.delayMs) setTimeout(send, style.delayMs);
      else send();
      return;
    }
    const html = pages.get(path);
    if (html === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res
      .writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': strictCsp(apiOrigin),
        'Cache-Control': 'no-store',
      })
      .end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page(path, html) {
      pages.set(path, html);
      return origin + path;
    },
    stylesheet(path, css, delayMs = 0) {
      styles.set(path, { css, delayMs });
      return origin + path;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A whole host page around `body`, with text after the cards so any layout shift moves something. */
export const hostPage = (lang: string, title: string, body: string) => `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="stylesheet" href="/host.css">
</head>
<body>
<main>
<h1>${title}</h1>
<p>A host page on another origin, under a strict Content-Security-Policy.</p>
${body}
<p id="after">This paragraph follows the cards: if a card changed size after it was painted, this would move.</p>
</main>
</body>
</html>`;
