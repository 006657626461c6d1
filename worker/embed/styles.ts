/**
 * The embed kit's own small stylesheets, served from our origin so the strict
 * CSP (`style-src 'self'`) allows them. The card's look is the widget build's
 * `card.<hash>.css`; these only frame it.
 */

/** `/embed/frame.css`: the iframe page around the card: no margins, transparent, a system font (the card inherits it), the theme's colour scheme. */
export const FRAME_CSS = `html, body { margin: 0; padding: 0; background: transparent; }
body { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
html { color-scheme: light dark; }
html[data-theme="light"] { color-scheme: light; }
html[data-theme="dark"] { color-scheme: dark; }
`;

/** `/embed/demo.css`: layout of the `/demo` page. */
export const DEMO_CSS = `:root { color-scheme: light dark; font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; line-height: 1.5; }
body { margin: 0 auto; max-width: 75rem; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 0 0 .75rem; }
.demo-section { border-radius: 8px; padding: 1rem; margin: 1rem 0; }
.demo-light { background: #f4f5f7; color: #1b1f24; color-scheme: light; }
.demo-dark { background: #15181d; color: #e8eaed; color-scheme: dark; }
.demo-light a { color: #0b57d0; }
.demo-dark a { color: #a8c7fa; }
.demo-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 1rem; align-items: start; }
.demo-item { margin: 0; min-width: 0; }
.demo-item figcaption { font-size: .8rem; opacity: .85; margin-bottom: .35rem; }
pre { overflow: auto; background: rgba(127, 127, 127, .14); padding: .75rem; border-radius: 6px; font-size: .8rem; white-space: pre-wrap; word-break: break-all; }
iframe { border: 0; max-width: 100%; }
img { max-width: 100%; }
:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;
