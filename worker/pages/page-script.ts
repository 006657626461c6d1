/**
 * The pages' only script: the copy button of the embed code. Served
 * same-origin from a content-hashed URL (see `assets.ts`) because the CSP
 * allows `script-src 'self'` and no inline script. Buttons start `hidden` and
 * are shown only here, so a page without JavaScript shows no dead button.
 * ES5 on purpose: government desktops keep old browsers.
 */
export const PAGE_JS = `(function () {
  'use strict';
  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    if (selection) { selection.removeAllRanges(); selection.addRange(range); }
  }
  var buttons = document.querySelectorAll('button[data-copy]');
  Array.prototype.forEach.call(buttons, function (button) {
    var code = document.getElementById(button.getAttribute('data-copy'));
    var status = document.getElementById(button.getAttribute('data-status') || '');
    if (!code) return;
    function say(key) {
      if (!status) return;
      status.textContent = '';
      // A fresh text node after clearing makes screen readers announce a repeated message again.
      window.setTimeout(function () { status.textContent = button.getAttribute(key) || ''; }, 50);
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = code.textContent || '';
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { say('data-done'); }, function () { select(code); say('data-failed'); });
      } else {
        select(code);
        say('data-failed');
      }
    });
  });
})();
`;
