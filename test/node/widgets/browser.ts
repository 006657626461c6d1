// Moved to test/node/support/browser.ts; kept for imports not yet updated.
export { launchChromium } from '../support/browser';
