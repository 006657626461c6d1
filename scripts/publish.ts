/**
 * `npm run publish`: publishes figures through the write API (POST /api/v1/indicators/{id}/revisions, or the batch
 * route POST /api/v1/revisions for a CSV), from the command line. `--help` says how; the README's "Publishing for
 * data officers" gives examples. The token comes from `PUBLISH_TOKEN` or `.dev.vars` and is never printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_IDS } from '../worker/api/params';
import { WORDS } from '../worker/language/page-words';
import { API_BASE, apiIndicator, apiIndicatorBatch, apiIndicatorRevisions, apiRevisions } from '../worker/links';
import { ID_MAX_LENGTH, ID_PATTERN } from '../worker/schema';

const USAGE = `Publish figures to Zhuzhou Innovation Open Data.

  npm run publish -- <indicator> <value> --period <period> --reason "<why>" [options]
  npm run publish -- --csv <file.csv> --reason "<why>" [--dry-run] [--remote <url>]

One figure:
  <indicator>                  indicator id, e.g. platforms-national (see /publish or ${API_BASE}/indicators)
  <value>                      the number in base units: yuan, not 亿元 (308亿元 is 30800000000); 12 for 12%
  --period <period>            ISO 8601 reference period: 2023, 2023-06, 2023-06-30 (required)
  --reason <text>              why it is published or corrected (required)
  --qualifier <q>              exact (确数, default), at_least (以上), more_than (超过, 多, 余), about (左右)
  --as-of <date>               the date the source gives the figure for, YYYY-MM-DD
  --figure <text>              the figure as the source prints it, e.g. 60家, 12%以上
  --source-publisher <text>    who published the source (default: ${WORDS.zh.publish.bureau.zh} / ${WORDS.en.publish.bureau.en});
                               one text for both languages unless --source-publisher-en is given too
  --source-publisher-en <text> the publisher's English name
  --source-title <text>        the source document's title (default: the publisher's name); both languages unless
  --source-title-en <text>     the English title is given
  --source-url <url>           where the source can be read
  --if-match <etag>            publish only if the indicator is still at this ETag (from GET ${API_BASE}/indicators/<id>)

Many figures (all or nothing):
  --csv <file>                 rows in the columns of GET ${API_BASE}/indicators.csv: id, value, qualifier, period, as_of,
                               figure and source_* (publisher, title, section, url, quote; _zh/_en or one language);
                               other columns are ignored. An optional "reason" column overrides --reason per row.
                               Bad rows are named by their spreadsheet row number (the header is row 1).

Both:
  --dry-run                    validate through the API (?dry-run=true); nothing is written
  --remote <url>               the server (default http://127.0.0.1:8787, the local \`npm start\`)
  --help                       this text

The token is read from the environment variable PUBLISH_TOKEN, else from .dev.vars (the first name:token pair of
PUBLISH_TOKENS). Exit status: 0 published (or valid), 1 refused by the server, 2 wrong usage or unreachable server.`;

const LOCAL = 'http://127.0.0.1:8787';

/** Stands in for the minus of a negative number while the arguments are parsed (a private-use character). */
const NEGATIVE = '\uE000';

/** A usage or environment problem: printed with a hint, exit status 2. */
class UsageError extends Error {}

/** A PUBLISH_TOKENS-style value's first token: `name:token,name:token`. */
export function firstToken(tokens: string): string | undefined {
  const pair = tokens
    .split(',')
    .map((p) => p.trim())
    .find(Boolean);
  const colon = pair?.indexOf(':') ?? -1;
  return pair && colon > 0 ? pair.slice(colon + 1).trim() || undefined : undefined;
}

/** The value of `name` in a dotenv-style file (`NAME=value`, `NAME="value"`). */
export function dotenvValue(text: string, name: string): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const raw = m[2]!.trim();
    const quoted = /^(["'])(.*)\1$/.exec(raw);
    return quoted ? quoted[2] : raw.replace(/\s+#.*$/, '');
  }
  return undefined;
}

function readToken(): string {
  const fromEnv = process.env.PUBLISH_TOKEN?.trim();
  if (fromEnv) return fromEnv;
  const file = resolve(process.cwd(), '.dev.vars');
  const tokens = existsSync(file) ? dotenvValue(readFileSync(file, 'utf8'), 'PUBLISH_TOKENS') : undefined;
  const token = tokens ? firstToken(tokens) : undefined;
  if (!token)
    throw new UsageError(
      'No token: set PUBLISH_TOKEN=<token>, or put PUBLISH_TOKENS="name:token" in .dev.vars (see .dev.vars.example).',
    );
  return token;
}

/** RFC 4180 CSV (the export's: BOM, CRLF, quoted fields with doubled quotes, line breaks inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

/** Undoes the export's formula guard: a text cell `'=…`, `'+…`, `'-…`, `'@…` was written with the leading `'`. */
const undefuse = (text: string): string => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

type Localized = { zh: string; en: string };

interface ObservationInput {
  period: string;
  value: number | string;
  qualifier: string;
  asOf?: string;
  figure?: string;
  source: { publisher: Localized; title: Localized; section?: Localized; url?: string; quote?: string };
  reason: string;
}

/**
 * The revisions of a CSV in the export's columns (`GET /api/v1/indicators.csv`, bilingual or one-language), one
 * `observation` per row; `line` is each row's spreadsheet row number. Unknown and derived columns are ignored.
 */
export function csvRevisions(
  text: string,
  reason: string | undefined,
): { line: number; input: ObservationInput & { kind: 'observation'; indicator: string } }[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new UsageError('The CSV is empty.');
  const names = header.map((h) => h.trim());
  const at = (name: string) => names.indexOf(name);
  for (const required of ['id', 'value', 'period'])
    if (at(required) < 0)
      throw new UsageError(
        `The CSV has no "${required}" column. Use the columns of ${API_BASE}/indicators.csv (id, value, qualifier, period, …).`,
      );
  if (!reason && at('reason') < 0) throw new UsageError('Say why: --reason "<text>" (or a "reason" column).');
  return rows.map((cells, n) => {
    const get = (name: string): string | undefined => {
      const i = at(name);
      const raw = i < 0 ? undefined : cells[i];
      const value = raw === undefined ? undefined : undefuse(raw.trim());
      return value === '' ? undefined : value;
    };
    /** `source_publisher_zh`/`_en`, or the one-language export's `source_publisher` for both. */
    const localized = (name: string): Localized | undefined => {
      const one = get(name);
      const zh = get(`${name}_zh`) ?? one;
      const en = get(`${name}_en`) ?? one;
      return zh === undefined && en === undefined ? undefined : { zh: zh ?? '', en: en ?? '' };
    };
    const rawValue = get('value');
    const value = rawValue === undefined ? '' : Number.isFinite(Number(rawValue)) ? Number(rawValue) : rawValue;
    const source: ObservationInput['source'] = {
      publisher: localized('source_publisher') ?? WORDS.zh.publish.bureau,
      title: localized('source_title') ?? localized('source_publisher') ?? WORDS.zh.publish.bureau,
    };
    const section = localized('source_section');
    if (section) source.section = section;
    const url = get('source_url');
    if (url) source.url = url;
    const quote = get('source_quote');
    if (quote) source.quote = quote;
    const input: ObservationInput & { kind: 'observation'; indicator: string } = {
      kind: 'observation',
      indicator: get('id') ?? '',
      period: get('period') ?? '',
      value,
      qualifier: get('qualifier') ?? 'exact',
      source,
      reason: get('reason') ?? reason ?? '',
    };
    const asOf = get('as_of');
    if (asOf) input.asOf = asOf;
    const figure = get('figure');
    if (figure) input.figure = figure;
    return { line: n + 2, input };
  });
}

/** A problem document (RFC 9457) as the API sends it. */
interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  'invalid-params'?: { name?: string; reason?: string }[];
}

/** What a refusal means, in plain words. */
function explain(res: Response, problem: Problem, target: string): string {
  const detail = problem.detail ?? problem.title ?? '';
  switch (res.status) {
    case 401:
      return 'The token was not accepted (401). Check PUBLISH_TOKEN, or the first name:token pair of PUBLISH_TOKENS in .dev.vars; the server compares it exactly.';
    case 403:
      return `${target} does not accept publishing at the moment (403): ${detail}`;
    case 404:
      return `Not found (404): ${detail}`;
    case 409:
      return `Conflict (409): ${detail}`;
    case 412:
      return `Someone else published first (412). ${
        detail ||
        `The indicator changed after the ETag you gave, so nothing was written; it is now at ${res.headers.get('ETag') ?? 'a newer version'}. Read it again and retry with that --if-match, or leave --if-match out to publish anyway.`
      }`;
    case 413:
      return `Too large (413): ${detail}`;
    case 429:
      return `Too many failed attempts (429): try again in ${res.headers.get('Retry-After') ?? 'a few'} seconds.`;
    default:
      return `Refused (${res.status}${problem.type ? ` ${problem.type.split('/').pop()}` : ''}): ${detail}`;
  }
}

/** `revisions.3.period` → its CSV row; a single write's `source.url` stays as it is. */
function fieldLine(name: string, reason: string, lines?: number[]): string {
  const m = /^revisions\.(\d+)(?:\.(.*))?$/.exec(name);
  if (lines && m) {
    const line = lines[Number(m[1])];
    return `  row ${line ?? `#${Number(m[1]) + 1}`}: ${m[2] ?? '(the row)'}: ${reason}`;
  }
  return `  ${name || '(body)'}: ${reason}`;
}

async function post(
  url: string,
  token: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ res: Response; json: Record<string, unknown> }> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
        ...headers,
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new UsageError(
      `Could not reach ${new URL(url).origin}. Is \`npm start\` running there? For production pass --remote <url>.`,
    );
  }
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { detail: text.slice(0, 300) };
  }
  return { res, json };
}

interface RevisionJson {
  id: string;
  indicator?: string;
  period?: string;
  value?: number;
  qualifier?: string;
  figure?: string;
  links?: { self?: string };
}

const permalink = (origin: string, r: RevisionJson, location?: string | null): string =>
  location ?? (r.links?.self ? new URL(r.links.self, origin).href : '');

const valueText = (r: RevisionJson) =>
  `${r.value ?? ''}${r.qualifier && r.qualifier !== 'exact' ? ` (${r.qualifier})` : ''}${r.figure ? ` “${r.figure}”` : ''}`;

/**
 * Prints a refusal with its field list and returns the exit status. `extra` are problems found here (unknown ids of a
 * CSV), named along with the server's so every bad row is named at once.
 */
function refused(
  res: Response,
  json: Record<string, unknown>,
  target: string,
  lines?: number[],
  extra: string[] = [],
): number {
  const problem = json as Problem;
  const params = problem['invalid-params'] ?? [];
  if (res.status === 400 && params.length) {
    const count = params.length + extra.length;
    console.error(
      `Not published: ${count} problem${count === 1 ? '' : 's'} in the ${lines ? 'file' : 'figure'}; nothing was written.`,
    );
  } else console.error(`Not published. ${explain(res, problem, target)}`);
  const out = [...params.map((p) => fieldLine(String(p.name ?? ''), String(p.reason ?? ''), lines)), ...extra];
  // In row order, each row once per field.
  const row = (line: string) => Number(/^ {2}row (\d+)/.exec(line)?.[1] ?? 0);
  for (const line of [...new Set(out)].sort((a, b) => row(a) - row(b))) console.error(line);
  return 1;
}

/**
 * Rows of a CSV whose indicator id the server does not know, as field lines (`row 3: id: …`). Asked in batches of
 * `?ids=` (the list itself comes a page at a time, and a catalog can hold 10,000 indicators); an id that is not even
 * shaped like one is unknown without asking.
 */
async function unknownIds(origin: string, rows: { line: number; input: { indicator: string } }[]): Promise<string[]> {
  try {
    const ids = [...new Set(rows.map((r) => r.input.indicator))];
    const missing = new Set(ids.filter((id) => !ID_PATTERN.test(id) || id.length > ID_MAX_LENGTH));
    const asked = ids.filter((id) => !missing.has(id));
    for (let n = 0; n < asked.length; n += MAX_IDS) {
      const res = await fetch(`${origin}${apiIndicatorBatch(asked.slice(n, n + MAX_IDS))}`, {
        headers: { Accept: 'application/json' },
      });
      if (!res.ok) return [];
      for (const id of ((await res.json()) as { missing: string[] }).missing) missing.add(id);
    }
    return rows
      .filter((r) => missing.has(r.input.indicator))
      .map((r) => `  row ${r.line}: id: no indicator "${r.input.indicator}"`);
  } catch {
    return [];
  }
}

export async function main(argv: string[]): Promise<number> {
  // A negative value (a fall in a growth rate: -2.5) is a value, not an option: hidden from parseArgs, then restored.
  const hide = (a: string) => (/^-[\d.]/.test(a) ? `${NEGATIVE}${a.slice(1)}` : a);
  const show = (a: string) => (a.startsWith(NEGATIVE) ? `-${a.slice(1)}` : a);
  const parsed = parseArgs({
    args: argv.map(hide),
    allowPositionals: true,
    options: {
      period: { type: 'string' },
      reason: { type: 'string' },
      qualifier: { type: 'string' },
      'as-of': { type: 'string' },
      figure: { type: 'string' },
      'source-publisher': { type: 'string' },
      'source-publisher-en': { type: 'string' },
      'source-title': { type: 'string' },
      'source-title-en': { type: 'string' },
      'source-url': { type: 'string' },
      'if-match': { type: 'string' },
      csv: { type: 'string' },
      'dry-run': { type: 'boolean' },
      remote: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const positionals = parsed.positionals.map(show);
  const values = Object.fromEntries(
    Object.entries(parsed.values).map(([k, v]) => [k, typeof v === 'string' ? show(v) : v]),
  ) as typeof parsed.values;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const origin = (values.remote ?? LOCAL).replace(/\/+$/, '');
  try {
    new URL(origin);
  } catch {
    throw new UsageError(`--remote must be a URL such as https://data.example.gov.cn, not "${origin}".`);
  }
  const dry = values['dry-run'] === true;
  const query = dry ? '?dry-run=true' : '';

  if (values.csv !== undefined) {
    if (positionals.length) throw new UsageError('With --csv, give no indicator or value: they come from the file.');
    if (!existsSync(values.csv)) throw new UsageError(`No file ${values.csv}.`);
    const rows = csvRevisions(readFileSync(values.csv, 'utf8'), values.reason);
    if (!rows.length) throw new UsageError(`${values.csv} has a header but no rows.`);
    const token = readToken();
    const { res, json } = await post(
      `${origin}${apiRevisions()}${query}`,
      token,
      { revisions: rows.map((r) => r.input) },
      {},
    );
    // The server checks the fields of every row before it looks the indicators up; name unknown ids at once too.
    const extra = res.status === 400 ? await unknownIds(origin, rows) : [];
    if (!res.ok)
      return refused(
        res,
        json,
        origin,
        rows.map((r) => r.line),
        extra,
      );
    if (dry) {
      console.log(`Valid: all ${rows.length} rows of ${values.csv} would be published (dry run, nothing written).`);
      return 0;
    }
    const revisions = (json.revisions ?? []) as RevisionJson[];
    console.log(`Published ${revisions.length} revisions from ${values.csv}:`);
    for (const r of revisions)
      console.log(`  ${r.id}  ${r.indicator ?? ''}  ${r.period ?? ''}  ${valueText(r)}  ${permalink(origin, r)}`);
    return 0;
  }

  const [indicator, rawValue, ...rest] = positionals;
  if (!indicator || rawValue === undefined || rest.length)
    throw new UsageError(
      'Give an indicator id and a value: npm run publish -- platforms-national 62 --period … --reason …',
    );
  const value = Number(rawValue.replace(/,/g, ''));
  if (rawValue.trim() === '' || !Number.isFinite(value))
    throw new UsageError(`The value must be a number in base units (yuan, not 亿元), not "${rawValue}".`);
  if (!values.period) throw new UsageError('Give the reference period: --period 2023-06-30 (or 2023, 2023-06).');
  if (!values.reason?.trim()) throw new UsageError('Say why it is published: --reason "<text>".');
  const bureau = WORDS.zh.publish.bureau;
  const both = (one: string | undefined, en: string | undefined, fallback: Localized): Localized =>
    one === undefined && en === undefined ? fallback : { zh: one ?? en ?? '', en: en ?? one ?? '' };
  const publisher = both(values['source-publisher'], values['source-publisher-en'], bureau);
  const body: ObservationInput = {
    period: values.period,
    value,
    qualifier: values.qualifier ?? 'exact',
    source: {
      publisher,
      title: both(values['source-title'], values['source-title-en'], publisher),
    },
    reason: values.reason,
  };
  if (values['as-of']) body.asOf = values['as-of'];
  if (values.figure) body.figure = values.figure;
  if (values['source-url']) body.source.url = values['source-url'];
  const token = readToken();
  const { res, json } = await post(
    `${origin}${apiIndicatorRevisions(indicator)}${query}`,
    token,
    body,
    values['if-match'] ? { 'If-Match': values['if-match'] } : {},
  );
  if (!res.ok) return refused(res, json, origin);
  if (dry) {
    console.log(`Valid: ${indicator} ${body.period} = ${value} would be published (dry run, nothing written).`);
    return 0;
  }
  const revision = json.revision as RevisionJson;
  console.log(`Published revision ${revision.id}`);
  console.log(`  indicator  ${revision.indicator ?? indicator}  (${origin}${apiIndicator(indicator)})`);
  console.log(`  period     ${revision.period ?? body.period}`);
  console.log(`  value      ${valueText(revision)}`);
  console.log(`  permalink  ${permalink(origin, revision, res.headers.get('Location'))}`);
  if (res.headers.get('ETag')) console.log(`  etag       ${res.headers.get('ETag')}  (for the next --if-match)`);
  return 0;
}

// Run when executed (`tsx scripts/publish.ts …`), not when imported by a test.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
        console.error(`${(error as Error).message}\nSee: npm run publish -- --help`);
        process.exitCode = 2;
      } else {
        console.error(error);
        process.exitCode = 1;
      }
    },
  );
}
