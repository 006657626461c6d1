import { createApp } from './app';

/** The Worker: API, feeds, pages and widget bundle over the bundled data. */
export default createApp();
