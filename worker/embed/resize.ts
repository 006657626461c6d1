/**
 * Auto-sizing of iframe cards. `/embed/resize.js` runs inside the card's
 * frame and posts `{ type: 'zz-embed-height', id, kind, height }` to the
 * parent whenever the card's height changes (ResizeObserver). `/embed/host.js`
 * is the other end for host pages that want it: it sets the `height` of the
 * iframe that sent the message, accepting messages from our origin only.
 * Both are plain ES5-safe scripts served from our origin, so `script-src
 * 'self'` (frame) or `script-src <our origin>` (host) allows them.
 */

/** The `type` of the height message. */
export const HEIGHT_MESSAGE = 'zz-embed-height';

/** Runs in the `/embed/:id` frame. Reads the id from `<html data-zz-embed data-zz-kind>`. */
export const RESIZE_JS = `/* Reports this card's height to the embedding page. */
(function () {
  'use strict';
  if (window.parent === window) return;
  var root = document.documentElement;
  var id = root.getAttribute('data-zz-embed');
  var kind = root.getAttribute('data-zz-kind') || 'indicator';
  var last = -1;
  function report() {
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    try {
      window.parent.postMessage({ type: '${HEIGHT_MESSAGE}', id: id, kind: kind, height: height }, '*');
    } catch (e) {}
  }
  if (typeof ResizeObserver === 'function') new ResizeObserver(report).observe(root);
  else window.addEventListener('resize', report);
  window.addEventListener('load', report);
  report();
})();
`;

/** Runs on a host page: sizes our iframes from their height messages. */
export const HOST_JS = `/* Sizes Zhuzhou Innovation Open Data iframe cards to their content. */
(function () {
  'use strict';
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src).origin : location.origin;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.type !== '${HEIGHT_MESSAGE}') return;
    var height = Math.ceil(Number(data.height));
    if (!(height > 0 && height < 10000)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].setAttribute('height', String(height));
    }
  });
})();
`;
