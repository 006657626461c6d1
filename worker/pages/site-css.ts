/**
 * The one stylesheet of every page, served same-origin from a content-hashed
 * URL (see `assets.ts`) because the pages' CSP allows `style-src 'self'` only.
 * System fonts only: no external resources. Colours meet WCAG 2.2 AA contrast
 * in light and dark schemes (checked in test/worker/pages/site-css.test.ts).
 */
export const SITE_CSS = `:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#4d5561;--link:#0a55b8;--visited:#6a3ab2;--line:#c8ced6;--soft:#f2f4f7;--focus:#0a55b8}
@media (prefers-color-scheme:dark){:root{--bg:#14171c;--fg:#e7eaee;--muted:#aeb6c2;--link:#8cb8ff;--visited:#c9a8ff;--line:#3a414c;--soft:#1e232b;--focus:#8cb8ff}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:1rem/1.7 system-ui,-apple-system,"Segoe UI","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif}
a{color:var(--link);text-underline-offset:.15em}
a:visited{color:var(--visited)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:.5rem;top:-5rem;padding:.5rem 1rem;background:var(--bg);color:var(--link);border:2px solid var(--focus);z-index:1}
.skip:focus{top:.5rem}
.wrap{max-width:62rem;margin:0 auto;padding:0 1rem}
.site{border-bottom:1px solid var(--line)}
.site .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem;padding-block:.75rem}
.brand{font-weight:700;text-decoration:none;color:var(--fg)}
.brand:visited{color:var(--fg)}
.brand span{display:block;font-weight:400;font-size:.85rem;color:var(--muted)}
.site nav{flex:1}
.site ul,.links,.crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
.crumbs{margin-top:1rem;font-size:.9rem}
.crumbs li+li::before{content:"›";margin-inline-end:.5rem;color:var(--muted)}
h1{font-size:1.75rem;line-height:1.3;margin:1.25rem 0 .5rem}
h2{font-size:1.35rem;line-height:1.35;margin:2.25rem 0 .5rem}
h3{font-size:1.1rem;line-height:1.4;margin:1.5rem 0 .25rem}
p{margin:.5rem 0}
.lede{font-size:1.1rem}
.muted,caption,figcaption{color:var(--muted)}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
caption{text-align:start;font-size:.9rem;padding:.25rem 0}
th,td{border-bottom:1px solid var(--line);padding:.4rem .5rem;text-align:start;vertical-align:top}
thead th{background:var(--soft);font-weight:600;white-space:nowrap}
tbody th{font-weight:400}
.num{font-variant-numeric:tabular-nums;font-weight:600}
td.num{white-space:nowrap}
.figure{font-size:2rem;font-weight:700;line-height:1.25;margin:.5rem 0}
.figures{list-style:none;margin:0;padding:0}
.figures>li{border-top:1px solid var(--line);padding:.5rem 0 1rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
dt{font-weight:600;color:var(--muted)}
dd{margin:0}
figure{margin:1rem 0}
blockquote{margin:0;padding:.5rem 1rem;border-inline-start:4px solid var(--line);background:var(--soft)}
figcaption{font-size:.9rem;margin-top:.25rem}
pre{padding:1rem;background:var(--soft);border:1px solid var(--line);white-space:pre-wrap;overflow-wrap:anywhere}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Noto Sans Mono CJK SC",monospace;font-size:.9em}
button{font:inherit;padding:.35rem 1rem;border:2px solid var(--link);border-radius:.25rem;background:var(--bg);color:var(--link);cursor:pointer}
button:hover{background:var(--soft)}
[hidden]{display:none!important}
.news{padding-inline-start:1.25rem}
footer{border-top:1px solid var(--line);margin-top:3rem;padding:1rem 0 2rem;font-size:.9rem;color:var(--muted)}
@media (max-width:36rem){h1{font-size:1.5rem}.figure{font-size:1.6rem}dl.facts{grid-template-columns:1fr;gap:0}dd{margin-bottom:.5rem}thead th{white-space:normal}}
@media print{:root{--bg:#fff;--fg:#000;--muted:#333;--link:#000;--visited:#000;--line:#888;--soft:#fff}
body{font-size:11pt}.skip,.site nav,.lang-switch,.copy,footer nav{display:none}
a{text-decoration:none}.formats a::after{content:" (" attr(href) ")";font-size:.85em}
h2,h3{break-after:avoid}tr,figure,blockquote,.figures>li{break-inside:avoid}pre{white-space:pre-wrap}}
`;
