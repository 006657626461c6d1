/**
 * The publishing page's script (`publish-page.ts`), served same-origin from a content-hashed URL like the copy
 * button's (`assets.ts`): the page CSP allows no inline script. It
 *
 * - keeps the token in `sessionStorage` only (never a cookie, never a URL; requests go with `credentials: 'omit'`)
 *   and forgets it on request;
 * - filters the indicator list by dataset, reads the indicator (its ETag), its series and its history from the API
 *   paths the page puts on each option, and shows them as tables; for a catalog too long for the page to list
 *   (`data-links` on the form), reads the chosen dataset's indicators from the API, following `Link: rel="next"`, and
 *   makes their options from the link templates;
 * - checks the input with `?dry-run=true`, shows each of the API's `invalid-params` under its field (inputs name their
 *   API field in `data-field`) and the card of the dry run (server-escaped markup) as the preview;
 * - publishes with `If-Match` (the ETag it read) and explains 412, 401, 403, 429 and the rest in the page's words,
 *   which it reads from `data-words` and says in a polite live region.
 *
 * Every text from the API is written with `textContent`; only the dry run's card markup, escaped by the server's
 * renderCard, is inserted as HTML. No request leaves this origin.
 */
export const PUBLISH_JS = `(function () {
  'use strict';
  var form = document.getElementById('publish-form');
  if (!form || !window.fetch || !window.JSON) return;
  var store;
  try { store = window.sessionStorage; store.getItem('x'); } catch (e) { return; }
  var KEY = 'zz-publish-token';
  var lang = form.getAttribute('data-lang') === 'en' ? 'en' : 'zh';
  var locale = lang === 'zh' ? 'zh-CN' : 'en';
  var words = JSON.parse(form.getAttribute('data-words') || '{}');
  var qualifierWords = JSON.parse(form.getAttribute('data-qualifiers') || '{}');
  function $(id) { return document.getElementById(id); }
  var token = $('token');
  var datasetSelect = $('dataset');
  var indicatorSelect = $('indicator');
  var current = $('current');
  var status = $('publish-status');
  var result = $('publish-result');
  var preview = $('preview');
  var checkButton = $('check');
  var publishButton = $('publish-button');
  var state = { etag: null, indicator: null, loading: 0, busy: false, key: null, keyBody: null };

  form.hidden = false;
  var notice = $('publish-nojs');
  if (notice) notice.hidden = true;

  function fill(text, params) {
    return String(text || '').replace(/\\{(\\w+)\\}/g, function (all, name) {
      return params && params[name] !== undefined && params[name] !== null ? String(params[name]) : all;
    });
  }
  var sayTimer = 0;
  function say(text, bad) {
    status.className = bad ? 'status bad' : 'status';
    status.textContent = '';
    window.clearTimeout(sayTimer);
    // A fresh text node after clearing makes screen readers announce a repeated message again.
    sayTimer = window.setTimeout(function () { status.textContent = text; }, 30);
  }
  function number(value) {
    return typeof value === 'number' ? value.toLocaleString(locale) : String(value === undefined ? '' : value);
  }
  function shown(o) {
    if (!o) return '';
    var unit = state.indicator && state.indicator.unitLabel ? pick(state.indicator.unitLabel) : '';
    return o.figure ? String(o.figure) : number(o.value) + (unit ? (lang === 'zh' ? '' : ' ') + unit : '');
  }
  function pick(text) {
    return text && typeof text === 'object' ? (text[lang] || text.zh || '') : String(text === undefined ? '' : text);
  }

  // The token: this tab only.
  token.value = store.getItem(KEY) || '';
  token.addEventListener('input', function () {
    var t = token.value.trim();
    if (t) store.setItem(KEY, t); else store.removeItem(KEY);
  });
  $('forget-token').addEventListener('click', function () {
    store.removeItem(KEY);
    token.value = '';
    say(words.tokenForgotten);
    token.focus();
  });

  // The indicator list, filtered by the chosen dataset. A long catalog is not in the page: each dataset's indicators
  // are read from the API once, when it is first chosen, a page at a time.
  var allOptions = Array.prototype.slice.call(indicatorSelect.querySelectorAll('option'));
  var links = JSON.parse(form.getAttribute('data-links') || 'null');
  var read = {};
  function linkOf(name, id) { return links[name].replace('{id}', encodeURIComponent(id)); }
  function readDataset(dataset) {
    if (!links || read[dataset]) return Promise.resolve();
    read[dataset] = true;
    function page(url) {
      return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'omit' }).then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        var next = /<([^>]+)>;\\s*rel="next"/.exec(res.headers.get('Link') || '');
        return res.json().then(function (body) {
          (body.indicators || []).forEach(function (i) {
            var o = document.createElement('option');
            o.value = i.id;
            o.textContent = pick(i.label);
            o.setAttribute('data-dataset', dataset);
            ['api', 'series', 'history', 'revisions', 'page'].forEach(function (name) { o.setAttribute('data-' + name, linkOf(name, i.id)); });
            o.setAttribute('data-unit', pick(i.unitLabel));
            allOptions.push(o);
          });
          if (next) return page(next[1]);
        });
      });
    }
    return page(linkOf('dataset', dataset)).then(null, function (e) {
      read[dataset] = false;
      say(fill(words.loadFailed, { detail: e.message }), true);
    });
  }
  function showDataset() {
    var dataset = datasetSelect.value;
    return readDataset(dataset).then(function () {
      if (datasetSelect.value !== dataset) return;
      while (indicatorSelect.firstChild) indicatorSelect.removeChild(indicatorSelect.firstChild);
      allOptions.forEach(function (o) {
        if (o.getAttribute('data-dataset') === dataset) indicatorSelect.appendChild(o);
      });
      indicatorSelect.selectedIndex = 0;
    });
  }
  function option() { return indicatorSelect.options[indicatorSelect.selectedIndex] || null; }
  var first = option();
  if (first) datasetSelect.value = first.getAttribute('data-dataset');

  function problemOf(res) {
    return res.text().then(function (text) {
      try { return JSON.parse(text); } catch (e) { return { detail: text.slice(0, 200) }; }
    });
  }
  function getJson(url) {
    return fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store', credentials: 'omit' }).then(function (res) {
      if (!res.ok) return problemOf(res).then(function (p) { throw new Error((p && (p.detail || p.title)) || String(res.status)); });
      return res.json().then(function (body) { return { body: body, etag: res.headers.get('ETag') }; });
    });
  }

  function cell(row, text, header) {
    var c = document.createElement(header ? 'th' : 'td');
    if (header) c.setAttribute('scope', header);
    if (text && text.nodeType) c.appendChild(text); else c.textContent = text === undefined || text === null ? '' : String(text);
    row.appendChild(c);
  }
  function table(caption, heads, rows) {
    if (!rows.length) {
      var p = document.createElement('p');
      p.textContent = caption + (lang === 'zh' ? '：' : ': ') + words.none;
      return p;
    }
    var t = document.createElement('table');
    var c = t.createCaption();
    c.textContent = caption;
    var head = t.createTHead().insertRow();
    heads.forEach(function (h) { cell(head, h, 'col'); });
    var body = t.createTBody();
    rows.forEach(function (r) {
      var tr = body.insertRow();
      r.forEach(function (v, n) { cell(tr, v, n === 0 ? 'row' : ''); });
    });
    return t;
  }
  function link(href, text) {
    var a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  }
  function when(iso) {
    if (!iso) return '';
    var d = new Date(iso);
    return isNaN(d.getTime()) ? iso : d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  }

  function showCurrent(indicator, series, history) {
    while (current.firstChild) current.removeChild(current.firstChild);
    var p = document.createElement('p');
    p.className = 'current-value';
    p.textContent = words.currentValue + shown(indicator) + (lang === 'zh' ? '（' + indicator.period + '）' : ' (' + indicator.period + ')');
    current.appendChild(p);
    var observations = (series && series.observations) || [];
    current.appendChild(table(words.seriesCaption, [words.colPeriod, words.colValue, words.colQualifier, words.colAsOf, words.colPublished], observations.map(function (o) {
      return [o.period, shown(o), qualifierWords[o.qualifier] || o.qualifier, o.asOf || '', when(o.published)];
    })));
    var revisions = ((history && history.revisions) || []).slice().reverse();
    current.appendChild(table(words.historyCaption, [words.colPublished, words.colPeriod, words.colValue, words.colPublisher, words.colReason, words.colRevision], revisions.map(function (r) {
      var self = r.links && r.links.self;
      return [when(r.published), r.period || '', r.value === undefined ? '' : shown(r), r.publisher || '', r.reason || '', self ? link(self, r.id) : r.id];
    })));
  }

  function load(quiet) {
    var o = option();
    if (!o) return Promise.resolve();
    var n = ++state.loading;
    state.etag = null;
    current.removeAttribute('data-indicator');
    current.setAttribute('aria-busy', 'true');
    if (!quiet) say(words.loading);
    return Promise.all([
      getJson(o.getAttribute('data-api')),
      getJson(o.getAttribute('data-series')).catch(function () { return { body: null }; }),
      getJson(o.getAttribute('data-history')).catch(function () { return { body: null }; })
    ]).then(function (r) {
      if (n !== state.loading) return;
      state.etag = r[0].etag;
      state.indicator = r[0].body;
      showCurrent(r[0].body, r[1].body, r[2].body);
      current.setAttribute('data-indicator', o.value);
      current.setAttribute('aria-busy', 'false');
      if (!quiet) say(fill(words.loaded, { value: shown(r[0].body), period: r[0].body.period }));
    }, function (e) {
      if (n !== state.loading) return;
      current.setAttribute('aria-busy', 'false');
      say(fill(words.loadFailed, { detail: e.message }), true);
    });
  }
  datasetSelect.addEventListener('change', function () { clearAll(); showDataset().then(function () { load(); }); });
  indicatorSelect.addEventListener('change', function () { clearAll(); load(); });

  // Field messages.
  var fields = Array.prototype.slice.call(form.querySelectorAll('[data-field]'));
  function errorOf(el) { return $(el.id + '-error'); }
  function clearErrors() {
    fields.forEach(function (el) {
      el.removeAttribute('aria-invalid');
      var e = errorOf(el);
      if (e) { e.textContent = ''; e.hidden = true; }
    });
  }
  function clearAll() {
    clearErrors();
    result.hidden = true;
    while (preview.firstChild) preview.removeChild(preview.firstChild);
  }
  function fieldFor(name) {
    var exact = null, within = null;
    fields.forEach(function (el) {
      var f = el.getAttribute('data-field');
      if (f === name && !exact) exact = el;
      if (!within && name && f.indexOf(name + '.') === 0) within = el;
    });
    return exact || within;
  }
  function showErrors(params) {
    var firstField = null, loose = [];
    (params || []).forEach(function (p) {
      var el = fieldFor(String(p.name || ''));
      var reason = String(p.reason || '');
      if (!el) { loose.push((p.name ? p.name + (lang === 'zh' ? '：' : ': ') : '') + reason); return; }
      var e = errorOf(el);
      el.setAttribute('aria-invalid', 'true');
      if (e) { e.textContent = e.textContent ? e.textContent + ' ' + reason : reason; e.hidden = false; }
      if (!firstField) firstField = el;
    });
    return { first: firstField, loose: loose };
  }

  // The request body, in the write contract's shape.
  function value(id) { var el = $(id); return el ? el.value.trim() : ''; }
  function body() {
    var b = {};
    b.period = value('f-period');
    var raw = value('f-value').replace(/[,\\s]/g, '');
    if (raw !== '') b.value = isFinite(Number(raw)) ? Number(raw) : raw;
    b.qualifier = value('f-qualifier');
    if (value('f-asOf')) b.asOf = value('f-asOf');
    if (value('f-figure')) b.figure = value('f-figure');
    b.source = {
      publisher: { zh: value('f-publisher-zh'), en: value('f-publisher-en') },
      title: { zh: value('f-title-zh'), en: value('f-title-en') }
    };
    if (value('f-url')) b.source.url = value('f-url');
    b.reason = value('f-reason');
    return b;
  }
  function newKey() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return String(Date.now()) + '-' + Math.random().toString(36).slice(2);
  }

  function busy(on) {
    state.busy = on;
    checkButton.disabled = on;
    publishButton.disabled = on;
    form.setAttribute('aria-busy', on ? 'true' : 'false');
  }

  function showResult(revision) {
    while (result.firstChild) result.removeChild(result.firstChild);
    var links = revision && revision.links;
    if (links && links.self) result.appendChild(link(links.self, words.revisionLink));
    var o = option();
    if (o) result.appendChild(link((links && links.html) || o.getAttribute('data-page'), words.indicatorLink));
    result.hidden = !result.firstChild;
  }

  function explain(res, data, dry) {
    var detail = (data && (data.detail || data.title)) || '';
    if (res.status === 400 && data && data['invalid-params']) {
      var shownErrors = showErrors(data['invalid-params']);
      var count = data['invalid-params'].length;
      say(fill(words.invalid, { count: count }) + (shownErrors.loose.length ? ' ' + shownErrors.loose.join(lang === 'zh' ? '；' : '; ') : ''), true);
      if (shownErrors.first) shownErrors.first.focus();
      return Promise.resolve();
    }
    if (res.status === 401) { say(words.unauthorized, true); token.focus(); return Promise.resolve(); }
    if (res.status === 403) { say(fill(words.forbidden, { detail: detail }), true); return Promise.resolve(); }
    if (res.status === 429) {
      say(fill(words.tooMany, { seconds: res.headers.get('Retry-After') || '60' }), true);
      return Promise.resolve();
    }
    if (res.status === 404) { say(fill(words.notFound, { detail: detail }), true); return Promise.resolve(); }
    if (res.status === 409) { say(fill(words.conflict, { detail: detail }), true); return Promise.resolve(); }
    if (res.status === 412 && !dry) {
      // Someone else published first: read the indicator again and say what it is now. Its new ETag is the one a
      // deliberate second press of Publish sends.
      return load(true).then(function () {
        var i = state.indicator;
        say(fill(words.stale, { value: i ? shown(i) : '', period: i ? i.period : '' }), true);
      });
    }
    say(fill(words.failed, { status: res.status, detail: detail }), true);
    return Promise.resolve();
  }

  function send(dry) {
    if (state.busy) return;
    var o = option();
    if (!o) return;
    var t = token.value.trim();
    if (!t) { say(words.noToken, true); token.focus(); return; }
    clearErrors();
    result.hidden = true;
    var payload = JSON.stringify(body());
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: 'Bearer ' + t };
    if (!dry) {
      if (state.etag) headers['If-Match'] = state.etag;
      // The same body retried after a lost answer carries the same key, so it is published once.
      if (state.keyBody !== payload + state.etag) { state.key = newKey(); state.keyBody = payload + state.etag; }
      headers['Idempotency-Key'] = state.key;
    }
    busy(true);
    say(dry ? words.checking : words.publishing);
    var url = o.getAttribute('data-revisions') + (dry ? '?dry-run=true' : '');
    return fetch(url, { method: 'POST', headers: headers, body: payload, cache: 'no-store', credentials: 'omit' }).then(function (res) {
      return problemOf(res).then(function (data) {
        if (!dry) state.keyBody = null;
        if (dry && res.ok && data && data.valid) {
          while (preview.firstChild) preview.removeChild(preview.firstChild);
          // Server-rendered, server-escaped card markup (renderCard), in the page's language.
          if (data.card && typeof data.card[lang] === 'string') preview.innerHTML = data.card[lang];
          say(words.valid);
          return;
        }
        if (!dry && res.status === 201 && data && data.revision) {
          state.etag = res.headers.get('ETag') || state.etag;
          var r = data.revision;
          say(fill(words.published, { id: r.id, value: shown(r) }));
          showResult(r);
          return load(true);
        }
        return explain(res, data, dry);
      });
    }, function () {
      say(words.network, true);
    }).then(function () { busy(false); }, function () { busy(false); });
  }

  form.addEventListener('submit', function (e) { e.preventDefault(); send(true); });
  publishButton.addEventListener('click', function () { send(false); });
  showDataset().then(function () { load(); });
})();
`;
