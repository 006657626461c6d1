/**
 * Checks every data file against the schemas and the article before the
 * Worker is built or started: an invalid file stops `npm start` and `npm test`
 * with a message naming file, indicator and field.
 */
import { readFileSync } from 'node:fs';
import { files } from '../data';
import { DataError, formatIssue, loadData } from '../worker/data-source';

const article = readFileSync(new URL('../data/article.txt', import.meta.url), 'utf8');
try {
  const data = loadData(files, article);
  const count = data.datasets.reduce((n, d) => n + d.indicators.length, 0);
  if (!process.argv.includes('--quiet')) {
    console.log(
      `data: ${data.datasets.length} datasets, ${count} indicators, ${data.news.length} news items; every quote is verbatim in data/article.txt`,
    );
  }
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  console.error(`data: ${error.issues.length} problem(s) in data/ — fix them and run again:`);
  for (const issue of error.issues) console.error(`  ${formatIssue(issue)}`);
  process.exit(1);
}
