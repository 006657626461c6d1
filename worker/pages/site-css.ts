/**
 * The one stylesheet of every page, served same-origin from a content-hashed
 * URL (see `assets.ts`) because the pages' CSP allows `style-src 'self'` only.
 * System fonts only: no external resources. Colours meet WCAG 2.2 AA contrast
 * in light and dark schemes (checked in test/worker/pages/site-css.test.ts).
 */
export const SITE_CSS = `:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#4d5561;--link:#0a55b8;--visited:#6a3ab2;--line:#c8ced6;--soft:#f2f4f7;--focus:#0a55b8;--accent:#0b6e80}
@media (prefers-color-scheme:dark){:root{--bg:#14171c;--fg:#e7eaee;--muted:#aeb6c2;--link:#8cb8ff;--visited:#c9a8ff;--line:#3a414c;--soft:#1e232b;--focus:#8cb8ff;--accent:#5cc3d6}}
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
.brand{display:flex;align-items:center;gap:.6rem}
.brand span span{display:block;font-weight:400;font-size:.85rem;color:var(--muted)}
.mark{flex:none;width:2.25rem;height:2.25rem}
.mark-bg{fill:var(--accent)}
.mark-bars{stroke:var(--bg)}
.site li{white-space:nowrap}
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
td time,th time{white-space:nowrap}
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
.cards{list-style:none;margin:.75rem 0 0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:1rem}
.card{border:1px solid var(--line);border-top:4px solid var(--accent);border-radius:.4rem;padding:.75rem 1rem}
.card-label{font-size:1rem;line-height:1.45;margin:0}
.card-figure{font-size:2rem;font-weight:700;line-height:1.2;margin:.5rem 0 .15rem;font-variant-numeric:tabular-nums}
.card-unit{font-size:1rem;font-weight:400}
.card-when,.card-rank{margin:.15rem 0;font-size:.9rem;color:var(--muted)}
.progress-text{margin:.35rem 0}
.card .progress-text{font-size:.9rem}
svg.progress{display:block;width:100%;max-width:40rem;height:1.25rem;margin:.25rem 0}
.progress-track{stroke:var(--accent)}
.progress-fill{fill:var(--accent)}
.chart-figure,.single,.progress-figure,.rank-figure{margin:1rem 0 1.75rem}
.chart-figure>figcaption,.single>figcaption,.progress-figure>figcaption,.rank-figure>figcaption{font-size:1rem;font-weight:600;color:var(--fg);margin:0 0 .25rem}
svg.chart{display:block;width:100%;max-width:36rem;height:auto;margin:.5rem 0;color:var(--fg)}
.chart-grid{stroke:var(--line)}
.chart-tick,.chart-axis{fill:var(--muted)}
.chart-baseline{stroke:var(--muted)}
.chart-value{fill:var(--fg)}
.chart-bar,.chart-dot{fill:var(--accent);stroke:var(--accent)}
.chart-line{stroke:var(--accent)}
.chart-bar.open{fill:var(--bg);stroke-dasharray:6 3}
svg.legend .chart-bar.open{stroke-dasharray:3 2}
.chart-dot.open{fill:var(--bg)}
svg.legend{vertical-align:-.2em}
.chart-note{font-size:.9rem}
.chart-data{max-width:40rem}
.single-value{font-size:1.5rem;font-weight:700;margin:.25rem 0}
.single-value .muted{font-size:1rem;font-weight:400}
.rank{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem .75rem;margin:.25rem 0}
.rank-place{font-size:2.5rem;font-weight:700;line-height:1.1;border-inline-start:6px solid var(--accent);padding-inline-start:.6rem}
.rank-scope{font-size:1.1rem}
.sentences{font-size:1.05rem}
details.codes{margin:.75rem 0}
details.codes>summary{cursor:pointer;color:var(--link)}
.same-quote{color:var(--muted)}
.toc ul{list-style:none;margin:.5rem 0;padding:0}
.toc li{margin:.15rem 0}
.api-op{border-top:1px solid var(--line);margin-top:1.5rem}
.api-op h3{overflow-wrap:anywhere}
.method{font-weight:700}
.api-table code,.api-table .nowrap,.api-table thead th{white-space:nowrap}
.table-wrap{overflow-x:auto;margin:.5rem 0}
.table-wrap>table{margin:0}
footer{border-top:1px solid var(--line);margin-top:3rem;padding:1rem 0 2rem;font-size:.9rem;color:var(--muted)}
@media (max-width:36rem){.site nav{flex-basis:100%;order:1}h1{font-size:1.5rem}.figure{font-size:1.6rem}dl.facts{grid-template-columns:1fr;gap:0}dd{margin-bottom:.5rem}thead th{white-space:normal}.api-table thead th{white-space:nowrap}table{font-size:.9rem}th,td{padding:.35rem .3rem}}
@media (forced-colors:active){.mark-bg,.chart-bar,.chart-dot,.progress-fill{fill:CanvasText}.mark-bars,.chart-bar,.chart-dot,.chart-line,.progress-track{stroke:CanvasText}.chart-bar.open,.chart-dot.open{fill:Canvas}.card{border-top-color:CanvasText}}
@media print{:root{--bg:#fff;--fg:#000;--muted:#333;--link:#000;--visited:#000;--line:#888;--soft:#fff;--accent:#333}
body{font-size:11pt}.skip,.site nav,.lang-switch,.copy,footer nav{display:none}
a{text-decoration:none}.formats a::after{content:" (" attr(href) ")";font-size:.85em}
.table-wrap{overflow:visible}svg.chart{max-width:16cm}h2,h3{break-after:avoid}tr,figure,blockquote,.figures>li,.card{break-inside:avoid}pre{white-space:pre-wrap}}
`;
