/**
 * The webmaster's parts of the page script (served with the copy button's, `page-script.ts`, as one same-origin,
 * content-hashed file: the CSP allows `script-src 'self'` and nothing inline). Each part does nothing on a page
 * without its markup. ES5 on purpose, as the copy button: government desktops keep old browsers.
 *
 * - The catalog's filter (`catalog-page.ts`): shows the `hidden` filter box, hides the rows (and then the datasets)
 *   that do not hold every word typed, and says how many are shown in the `role="status"` line.
 * - The embed builder (`embed-builder.ts`): shows the `hidden` choices; on a change, copies the chosen language and
 *   theme's code from its `<template>` into the shown `<code>` elements and re-points the preview iframe, whose height
 *   then follows the card's own `zz-embed-height` messages (`worker/embed/resize.ts`).
 */
export const WEBMASTER_JS = `(function () {
  'use strict';
  var box = document.querySelector('[data-filter]');
  var input = document.getElementById('filter');
  var count = document.getElementById('filter-count');
  if (!box || !input || !count) return;
  var rows = document.querySelectorAll('tr[data-filter-text]');
  var groups = document.querySelectorAll('[data-filter-group]');
  var timer = 0;
  function apply() {
    var terms = input.value.toLowerCase().split(/\\s+/).filter(function (t) { return t !== ''; });
    var shown = 0;
    Array.prototype.forEach.call(rows, function (row) {
      var text = row.getAttribute('data-filter-text') || '';
      var match = terms.every(function (t) { return text.indexOf(t) >= 0; });
      row.hidden = !match;
      if (match) shown += 1;
    });
    Array.prototype.forEach.call(groups, function (group) {
      group.hidden = !group.querySelector('tr[data-filter-text]:not([hidden])');
    });
    var key = shown === 0 ? 'data-none' : shown === rows.length ? 'data-all' : 'data-some';
    count.textContent = (count.getAttribute(key) || '').replace('{n}', String(shown)).replace('{total}', String(rows.length));
  }
  input.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(apply, 150);
  });
  box.hidden = false;
  // A value the browser restored (back, forward) filters at once.
  if (input.value) apply();
})();
(function () {
  'use strict';
  var builder = document.querySelector('[data-builder]');
  if (!builder || !('content' in document.createElement('template'))) return;
  var controls = builder.querySelector('[data-builder-controls]');
  var preview = builder.querySelector('iframe[data-builder-preview]');
  var variants = builder.querySelectorAll('template[data-lang]');
  if (!controls || !variants.length) return;
  var status = builder.querySelector('.builder-status');
  function checked(name) {
    return builder.querySelector('input[name="' + name + '"]:checked');
  }
  function chosen(name) {
    var input = checked(name);
    return input ? input.value : '';
  }
  function label(name) {
    var input = checked(name);
    var text = input && input.parentNode ? input.parentNode.textContent : '';
    return (text || '').replace(/^\\s+|\\s+$/g, '');
  }
  function update(say) {
    var lang = chosen('builder-lang');
    var theme = chosen('builder-theme');
    var variant = null;
    Array.prototype.forEach.call(variants, function (t) {
      if (t.getAttribute('data-lang') === lang && t.getAttribute('data-theme') === theme) variant = t;
    });
    if (!variant) return;
    Array.prototype.forEach.call(variant.content.querySelectorAll('[data-for]'), function (source) {
      var code = document.getElementById(source.getAttribute('data-for'));
      if (code) code.textContent = source.textContent;
    });
    Array.prototype.forEach.call(builder.querySelectorAll('.copy [role=status]'), function (s) { s.textContent = ''; });
    if (say && status) {
      status.textContent = (status.getAttribute('data-updated') || '')
        .replace('{lang}', label('builder-lang'))
        .replace('{theme}', label('builder-theme'));
    }
    var src = variant.getAttribute('data-preview');
    if (preview && src && preview.getAttribute('src') !== src) {
      preview.setAttribute('height', variant.getAttribute('data-height') || preview.getAttribute('height'));
      preview.setAttribute('src', src);
    }
  }
  builder.addEventListener('change', function (event) {
    var target = event.target;
    if (target && /^builder-/.test(target.name || '')) update(true);
  });
  // The iframe card reports its height (worker/embed/resize.ts, HEIGHT_MESSAGE); only the preview's own is taken.
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!preview || event.source !== preview.contentWindow || event.origin !== window.location.origin) return;
    if (!data || data.type !== 'zz-embed-height' || typeof data.height !== 'number') return;
    preview.setAttribute('height', String(Math.max(50, Math.min(2000, Math.ceil(data.height)))));
  });
  controls.hidden = false;
  // Choices the browser restored (back, forward) apply at once, silently.
  update(false);
})();
`;

/**
 * Styles of the catalog and the builder, added to the site's one stylesheet (`assets.ts`) in its colours. No new
 * colour: contrast is the site's (checked in `site-css.test.ts`). On a phone the catalog's rows stack (name, then
 * figure and date, side by side where they fit), so no date breaks and nothing is wider than the screen; the column heads stay for
 * screen readers.
 */
export const WEBMASTER_CSS = `.filter{margin:1rem 0 .25rem}
.filter label{display:block;font-weight:600}
.filter input{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--muted);border-radius:.25rem;padding:.35rem .5rem;width:100%;max-width:28rem}
.filter-count{font-weight:600}
.catalog .id{display:block;font-size:.8rem;font-weight:400;color:var(--muted);overflow-wrap:anywhere}
.catalog .when time{white-space:nowrap}
@media (max-width:36rem){.catalog thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.catalog tr{display:flex;flex-wrap:wrap;gap:0 1rem;border-bottom:1px solid var(--line);padding:.4rem 0}
.catalog th,.catalog td{display:block;border:0;padding:0}.catalog tbody th{flex:1 0 100%}}
.builder fieldset{display:inline-block;vertical-align:top;border:1px solid var(--line);border-radius:.25rem;margin:.5rem 1rem .5rem 0;padding:.25rem .75rem .5rem}
.builder legend{font-weight:600;padding:0 .25rem}
.builder fieldset label{display:inline-block;margin-inline-end:1rem}
.builder-preview{padding:1rem;background:var(--soft);border:1px solid var(--line)}
.builder-preview p{margin:0 0 .5rem}
.builder-preview iframe{display:block;max-width:100%;border:0}
@media print{.builder-controls,.builder-preview,.filter{display:none}}
`;
