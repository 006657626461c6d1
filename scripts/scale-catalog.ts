/**
 * A synthetic catalog for `npm run scale` (never committed as data): by default 100 datasets (10 topics × Zhuzhou's 10
 * districts and zones), 100 indicators each (10 subjects × 10 kinds of figure), 10 quarterly observations per
 * indicator, `2021-03-31` to `2023-06-30`. That is 100 dataset rows, 10,000 indicator rows (each with its first
 * observation) and 90,000 observation rows: 100,100 revisions, published in log order with `published_at` rising.
 *
 * Every row is what the write API would write: the body is validated by the store's own `parseRevisionInput` and
 * turned into column values by its `toWriteValues`, for the columns of `WRITE_COLUMNS`.
 *
 * @example
 * const rows = syntheticRows({ datasets: 100 });
 * await insertRows(db, rows); // 100,100 rows, in batches of prepared statements
 */
import { createHash } from 'node:crypto';
import { parseRevisionInput } from '../worker/store/input';
import { toWriteValues, WRITE_COLUMNS, type WriteValues } from '../worker/store/revision';

/** How big the catalog is. */
export interface ScaleOptions {
  /** Datasets, at most 100 (10 topics × 10 districts). Default 100. */
  datasets?: number;
  /** Indicators per dataset, at most 100 (10 subjects × 10 kinds). Default 100. */
  indicatorsPerDataset?: number;
  /** Observations per indicator (the first comes with the indicator), quarterly from 2021-03-31. Default 10. */
  observations?: number;
  /** Name of the token the rows are published by. Default `scale-officer`. */
  publisher?: string;
}

type L = { zh: string; en: string };

/** Zhuzhou's districts, county-level cities, counties and the high-tech zone. */
const DISTRICTS: { slug: string; name: L }[] = [
  { slug: 'tianyuan', name: { zh: '天元区', en: 'Tianyuan District' } },
  { slug: 'hetang', name: { zh: '荷塘区', en: 'Hetang District' } },
  { slug: 'lusong', name: { zh: '芦淞区', en: 'Lusong District' } },
  { slug: 'shifeng', name: { zh: '石峰区', en: 'Shifeng District' } },
  { slug: 'lukou', name: { zh: '渌口区', en: 'Lukou District' } },
  { slug: 'liling', name: { zh: '醴陵市', en: 'Liling City' } },
  { slug: 'youxian', name: { zh: '攸县', en: 'You County' } },
  { slug: 'chaling', name: { zh: '茶陵县', en: 'Chaling County' } },
  { slug: 'yanling', name: { zh: '炎陵县', en: 'Yanling County' } },
  { slug: 'hi-tech-zone', name: { zh: '株洲高新区', en: 'Zhuzhou High-tech Zone' } },
];

/** What a subject counts: a number of things (with its measure word) or an amount in yuan. */
type Subject = [slug: string, zh: string, en: string, unitZh: string, unitEn: string];

/** Ten topics, ten subjects each. An empty measure word means yuan (`CNY`). */
const TOPICS: { slug: string; title: L; subjects: Subject[] }[] = [
  {
    slug: 'platforms',
    title: { zh: '科技创新平台', en: 'Innovation platforms' },
    subjects: [
      ['all', '各类科技创新平台', 'innovation platforms', '家', 'platforms'],
      ['national', '国家级创新平台', 'national-level platforms', '家', 'platforms'],
      ['provincial', '省级创新平台', 'provincial-level platforms', '家', 'platforms'],
      ['key-labs', '重点实验室', 'key laboratories', '家', 'laboratories'],
      ['eng-centres', '工程技术研究中心', 'engineering research centres', '家', 'centres'],
      ['enterprise-centres', '企业技术中心', 'enterprise technology centres', '家', 'centres'],
      ['academician', '院士工作站', 'academician workstations', '个', 'workstations'],
      ['new-rd', '新型研发机构', 'new-type R&D institutions', '家', 'institutions'],
      ['shared-kit', '共享科研仪器', 'shared research instruments', '台', 'instruments'],
      ['platform-funding', '平台建设投入', 'investment in platforms', '', ''],
    ],
  },
  {
    slug: 'high-tech',
    title: { zh: '高新技术企业', en: 'High-tech enterprises' },
    subjects: [
      ['enterprises', '高新技术企业', 'high-tech enterprises', '家', 'enterprises'],
      ['applications', '高企申报', 'high-tech applications', '家', 'enterprises'],
      ['certified', '高企认定', 'high-tech certifications', '家', 'enterprises'],
      ['tech-smes', '科技型中小企业', 'technology-based SMEs', '家', 'enterprises'],
      ['little-giants', '专精特新“小巨人”企业', 'little giant enterprises', '家', 'enterprises'],
      ['champions', '制造业单项冠军', 'single champions in manufacturing', '家', 'enterprises'],
      ['gazelles', '瞪羚企业', 'gazelle enterprises', '家', 'enterprises'],
      ['output', '高新技术产业产值', 'high-tech industry output', '', ''],
      ['value-added', '高新技术产业增加值', 'high-tech industry value added', '', ''],
      ['revenue', '高企营业收入', 'high-tech enterprise revenue', '', ''],
    ],
  },
  {
    slug: 'rd',
    title: { zh: '研发投入', en: 'R&D investment' },
    subjects: [
      ['spending', '全社会研发经费', 'R&D spending', '', ''],
      ['enterprise-spending', '企业研发经费', 'business R&D spending', '', ''],
      ['gov-spending', '财政科技支出', 'public spending on science and technology', '', ''],
      ['personnel', '研发人员', 'R&D personnel', '名', 'people'],
      ['active-firms', '有研发活动的企业', 'enterprises with R&D activity', '家', 'enterprises'],
      ['rd-institutions', '企业研发机构', 'enterprise R&D institutions', '家', 'institutions'],
      ['projects', '研发项目', 'R&D projects', '项', 'projects'],
      ['tax-deduction', '研发费用加计扣除', 'R&D super-deduction', '', ''],
      ['vouchers', '科技创新券', 'innovation vouchers', '张', 'vouchers'],
      ['grants', '科技计划项目资助', 'science and technology programme grants', '', ''],
    ],
  },
  {
    slug: 'transfer',
    title: { zh: '技术转移', en: 'Technology transfer' },
    subjects: [
      ['contracts', '登记技术合同', 'technology contracts registered', '份', 'contracts'],
      ['turnover', '技术合同交易额', 'technology contract turnover', '', ''],
      ['absorbed', '吸纳技术合同', 'technology contracts absorbed', '份', 'contracts'],
      ['absorbed-value', '吸纳技术交易额', 'technology absorbed, value', '', ''],
      ['achievements', '科技成果转化', 'achievements transferred', '项', 'achievements'],
      ['brokers', '技术经纪人', 'technology brokers', '名', 'brokers'],
      ['agencies', '技术转移机构', 'technology transfer agencies', '家', 'agencies'],
      ['roadshows', '成果路演', 'achievement roadshows', '场', 'roadshows'],
      ['licences', '专利许可', 'patent licences', '件', 'licences'],
      ['licence-income', '专利许可收入', 'patent licence income', '', ''],
    ],
  },
  {
    slug: 'patents',
    title: { zh: '知识产权', en: 'Intellectual property' },
    subjects: [
      ['granted', '专利授权', 'patents granted', '件', 'patents'],
      ['invention', '发明专利授权', 'invention patents granted', '件', 'patents'],
      ['high-value', '高价值发明专利', 'high-value invention patents', '件', 'patents'],
      ['per-10k', '每万人发明专利拥有量', 'invention patents per 10,000 people', '件', 'patents'],
      ['pct', 'PCT国际专利申请', 'PCT applications', '件', 'applications'],
      ['trademarks', '有效注册商标', 'registered trademarks', '件', 'trademarks'],
      ['pledges', '知识产权质押', 'IP pledges', '笔', 'pledges'],
      ['pledge-value', '知识产权质押融资额', 'IP-backed loans', '', ''],
      ['standards', '主导制定标准', 'standards led', '项', 'standards'],
      ['disputes', '知识产权纠纷调处', 'IP disputes mediated', '件', 'cases'],
    ],
  },
  {
    slug: 'talent',
    title: { zh: '科技人才', en: 'Science and technology talent' },
    subjects: [
      ['introduced', '引进高层次人才', 'high-level talents recruited', '名', 'people'],
      ['teams', '引进创新团队', 'innovation teams recruited', '个', 'teams'],
      ['postdocs', '博士后工作站', 'postdoctoral workstations', '个', 'workstations'],
      ['commissioners', '科技特派员', 'science and technology commissioners', '名', 'people'],
      ['engineers', '卓越工程师', 'excellent engineers', '名', 'people'],
      ['graduates', '留株就业高校毕业生', 'graduates employed locally', '名', 'people'],
      ['job-fairs', '人才招聘会', 'talent job fairs', '场', 'fairs'],
      ['positions', '招聘岗位', 'positions offered', '个', 'positions'],
      ['housing', '人才公寓', 'talent apartments', '套', 'apartments'],
      ['subsidies', '人才补贴发放', 'talent subsidies paid', '', ''],
    ],
  },
  {
    slug: 'incubators',
    title: { zh: '孵化载体', en: 'Incubators' },
    subjects: [
      ['incubators', '科技企业孵化器', 'technology incubators', '家', 'incubators'],
      ['makerspaces', '众创空间', 'makerspaces', '家', 'makerspaces'],
      ['accelerators', '加速器', 'accelerators', '家', 'accelerators'],
      ['tenants', '在孵企业', 'incubated enterprises', '家', 'enterprises'],
      ['graduated', '毕业企业', 'graduated enterprises', '家', 'enterprises'],
      ['floor-space', '孵化场地面积', 'incubation floor space', '平方米', 'square metres'],
      ['mentors', '创业导师', 'start-up mentors', '名', 'mentors'],
      ['events', '创新创业活动', 'innovation and start-up events', '场', 'events'],
      ['jobs', '在孵企业从业人员', 'jobs in incubated enterprises', '名', 'people'],
      ['incubatee-revenue', '在孵企业营业收入', 'revenue of incubated enterprises', '', ''],
    ],
  },
  {
    slug: 'finance',
    title: { zh: '科技金融', en: 'Science and technology finance' },
    subjects: [
      ['loans', '科技贷款', 'science and technology loans', '', ''],
      ['credit-loans', '知识价值信用贷款', 'knowledge-value credit loans', '', ''],
      ['borrowers', '获贷科技企业', 'technology enterprises with loans', '家', 'enterprises'],
      ['venture', '创业投资', 'venture capital invested', '', ''],
      ['funds', '科技投资基金', 'technology investment funds', '只', 'funds'],
      ['fund-size', '基金规模', 'fund size', '', ''],
      ['insurance', '科技保险', 'technology insurance cover', '', ''],
      ['listed', '科创板上市企业', 'STAR Market listings', '家', 'enterprises'],
      ['pipeline', '上市后备企业', 'enterprises preparing to list', '家', 'enterprises'],
      ['guarantees', '科技担保', 'technology loan guarantees', '', ''],
    ],
  },
  {
    slug: 'cooperation',
    title: { zh: '产学研合作', en: 'Industry–university–research cooperation' },
    subjects: [
      ['projects', '产学研合作项目', 'cooperation projects', '个', 'projects'],
      ['universities', '合作高校', 'partner universities', '所', 'universities'],
      ['institutes', '合作科研院所', 'partner research institutes', '家', 'institutes'],
      ['alliances', '产业技术创新联盟', 'industrial technology innovation alliances', '个', 'alliances'],
      ['joint-labs', '校企联合实验室', 'joint laboratories', '家', 'laboratories'],
      ['joint-funding', '合作研发投入', 'joint R&D spending', '', ''],
      ['visits', '校企对接活动', 'matchmaking events', '场', 'events'],
      ['signed', '签约项目', 'projects signed', '个', 'projects'],
      ['signed-value', '签约金额', 'value of projects signed', '', ''],
      ['students', '联合培养研究生', 'graduate students trained jointly', '名', 'students'],
    ],
  },
  {
    slug: 'outcomes',
    title: { zh: '科技成果', en: 'Science and technology results' },
    subjects: [
      ['awards', '省级以上科技奖励', 'provincial or higher science and technology awards', '项', 'awards'],
      ['papers', '科技论文', 'scientific papers', '篇', 'papers'],
      ['new-products', '新产品', 'new products', '个', 'products'],
      ['new-product-sales', '新产品销售收入', 'new product sales', '', ''],
      ['first-sets', '首台（套）重大技术装备', 'first-of-a-kind major equipment', '台', 'units'],
      ['key-projects', '重大科技专项', 'major science and technology projects', '个', 'projects'],
      ['breakthroughs', '关键核心技术攻关', 'key technology breakthroughs', '项', 'breakthroughs'],
      ['demonstrations', '科技示范项目', 'demonstration projects', '个', 'projects'],
      ['popularisation', '科普活动', 'science popularisation events', '场', 'events'],
      ['participants', '科普活动参与', 'people at science events', '人次', 'visits'],
    ],
  },
];

/** Ten kinds of figure per subject: kind, measure, how the label reads, and whether the unit becomes percent. */
const VARIANTS: {
  slug: string;
  kind: 'actual' | 'target' | 'progress' | 'forecast';
  measure: 'level' | 'increase' | 'growth_yoy';
  zh: (s: string) => string;
  en: (s: string) => string;
}[] = [
  { slug: 'total', kind: 'actual', measure: 'level', zh: (s) => s, en: (s) => s },
  { slug: 'new', kind: 'actual', measure: 'increase', zh: (s) => `新增${s}`, en: (s) => `${s}, increase` },
  { slug: 'yoy', kind: 'actual', measure: 'growth_yoy', zh: (s) => `${s}同比增长`, en: (s) => `${s}, growth` },
  { slug: 'target', kind: 'target', measure: 'level', zh: (s) => `${s}目标`, en: (s) => `${s}, target` },
  {
    slug: 'new-target',
    kind: 'target',
    measure: 'increase',
    zh: (s) => `新增${s}目标`,
    en: (s) => `${s}, increase target`,
  },
  {
    slug: 'yoy-target',
    kind: 'target',
    measure: 'growth_yoy',
    zh: (s) => `${s}增长目标`,
    en: (s) => `${s}, growth target`,
  },
  { slug: 'so-far', kind: 'progress', measure: 'level', zh: (s) => `${s}（已完成）`, en: (s) => `${s}, so far` },
  {
    slug: 'new-so-far',
    kind: 'progress',
    measure: 'increase',
    zh: (s) => `新增${s}（已完成）`,
    en: (s) => `${s}, increase so far`,
  },
  { slug: 'forecast', kind: 'forecast', measure: 'level', zh: (s) => `${s}（预计）`, en: (s) => `${s}, forecast` },
  {
    slug: 'yoy-forecast',
    kind: 'forecast',
    measure: 'growth_yoy',
    zh: (s) => `${s}预计增长`,
    en: (s) => `${s}, forecast growth`,
  },
];

const QUARTER_ZH = ['一', '二', '三', '四'];
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

/** Quarter `q` (0 = 2021 Q1): its last day (the period), and its statistical bulletin. */
function quarter(q: number) {
  const year = 2021 + Math.floor(q / 4);
  const n = q % 4;
  return {
    period: `${year}-${QUARTER_END[n]}`,
    title: {
      zh: `${year}年第${QUARTER_ZH[n]}季度科技统计快报`,
      en: `Science and technology statistics, ${year} Q${n + 1}`,
    },
    reason: `${year}年第${QUARTER_ZH[n]}季度统计快报`,
    url: `https://kjj.example.gov.cn/statistics/${year}-q${n + 1}`,
    /** Published 20 days after the quarter ends, at 09:00 Beijing time. */
    published: Date.parse(`${year}-${QUARTER_END[n]}T01:00:00.000Z`) + 20 * 86_400_000,
  };
}

const BUREAU = { zh: '株洲市科学技术局', en: 'Zhuzhou Science and Technology Bureau' };

/** A small deterministic PRNG (mulberry32), so every run writes the same catalog. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A revision id shaped like the write API's random UUIDs, but derived from `n`. */
const revisionId = (n: number): string => {
  const hex = createHash('sha256').update(`zhuzhou-scale:${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** One write body under its revision id and publication time, as the write API would record it. */
export interface SyntheticInput {
  id: string;
  /** The store input (`kind`, the body, `publisher`). */
  input: Record<string, unknown>;
  publishedAt: string;
}

/** The ids of the synthetic catalog, in catalog order. */
export function syntheticIds(options: ScaleOptions = {}): { datasets: string[]; indicators: string[] } {
  const datasets: string[] = [];
  const indicators: string[] = [];
  for (const { dataset, subjects } of layout(options)) {
    datasets.push(dataset.id);
    for (const s of subjects) indicators.push(s.id);
  }
  return { datasets, indicators };
}

function* layout(options: ScaleOptions) {
  const datasetCount = Math.min(options.datasets ?? 100, TOPICS.length * DISTRICTS.length);
  const perDataset = Math.min(options.indicatorsPerDataset ?? 100, 100);
  for (let d = 0; d < datasetCount; d++) {
    const topic = TOPICS[d % TOPICS.length]!;
    const district = DISTRICTS[Math.floor(d / TOPICS.length)]!;
    const id = `${topic.slug}-${district.slug}`;
    const dataset = {
      id,
      title: { zh: `${district.name.zh}${topic.title.zh}`, en: `${district.name.en}: ${topic.title.en.toLowerCase()}` },
      description: {
        zh: `${district.name.zh}${topic.title.zh}季度统计，自2021年第一季度起，每季度结束后二十日内发布。`,
        en: `Quarterly statistics of ${topic.title.en.toLowerCase()} in ${district.name.en}, from the first quarter of 2021, published within twenty days of each quarter's end.`,
      },
      issued: '2021-04-20',
      modified: '2021-04-20',
    };
    const subjects = [];
    for (let i = 0; i < perDataset; i++) {
      const [slug, zh, en, unitZh, unitEn] = topic.subjects[Math.floor(i / VARIANTS.length)]!;
      const variant = VARIANTS[i % VARIANTS.length]!;
      const percent = variant.measure === 'growth_yoy';
      const money = unitEn === '';
      const label = { zh: `${district.name.zh}${variant.zh(zh)}`, en: `${district.name.en}: ${variant.en(en)}` };
      subjects.push({
        id: `${id}-${slug}-${variant.slug}`,
        definition: {
          id: `${id}-${slug}-${variant.slug}`,
          label,
          description: {
            zh: `${label.zh}，按季度统计，数值为季度末累计。`,
            en: `${label.en}; quarterly, cumulative at the end of each quarter.`,
          },
          unit: percent ? 'percent' : money ? 'CNY' : 'count',
          unitLabel: percent ? { zh: '%', en: '%' } : money ? { zh: '元', en: 'yuan' } : { zh: unitZh, en: unitEn },
          kind: variant.kind,
          measure: variant.measure,
        },
        percent,
        money,
        increase: variant.measure === 'increase',
      });
    }
    yield { dataset, subjects };
  }
}

/**
 * The synthetic catalog as write bodies in log order: every dataset, then quarter by quarter every indicator's figure
 * (the first quarter creates the indicators). Publication times rise one second a row within a quarter's bulletin.
 */
export function syntheticInputs(options: ScaleOptions = {}): SyntheticInput[] {
  const observations = options.observations ?? 10;
  const publisher = options.publisher ?? 'scale-officer';
  const plan = [...layout(options)];
  const out: SyntheticInput[] = [];
  let n = 0;
  const push = (input: Record<string, unknown>, at: number) =>
    out.push({ id: revisionId(n++), input: { ...input, publisher }, publishedAt: new Date(at).toISOString() });

  const opened = Date.parse('2021-04-20T00:00:00.000Z');
  for (const [d, { dataset }] of plan.entries())
    push({ kind: 'dataset', dataset, reason: '新建季度统计数据集' }, opened + d * 1000);

  const rnd = random(20210331);
  const level = plan.map(({ subjects }) => subjects.map(() => 0));
  for (let q = 0; q < observations; q++) {
    const { period, title, reason, url, published } = quarter(q);
    const source = { publisher: BUREAU, title, url };
    let row = 0;
    for (const [d, { dataset, subjects }] of plan.entries()) {
      for (const [i, s] of subjects.entries()) {
        let value: number;
        if (s.percent) value = Math.round((rnd() * 40 - 5) * 10) / 10;
        else {
          const scale = s.money ? 10_000 * 10 ** Math.floor(rnd() * 4 + 3) : s.increase ? 20 : 500;
          if (q === 0) level[d]![i] = Math.round(scale * (0.5 + rnd()));
          else level[d]![i] = Math.round(level[d]![i]! * (1 + rnd() * 0.08));
          value = s.money ? Math.round(level[d]![i]! / 10_000) * 10_000 : level[d]![i]!;
        }
        const observation = { period, value, qualifier: 'exact', source, reason };
        const at = published + row++ * 1000;
        if (q === 0) push({ kind: 'indicator', dataset: dataset.id, indicator: s.definition, ...observation }, at);
        else push({ kind: 'observation', indicator: s.id, ...observation }, at);
      }
    }
  }
  return out;
}

/** A row to insert: the written columns and the publication time. */
export interface SyntheticRow {
  values: WriteValues;
  publishedAt: string;
}

/**
 * The synthetic catalog as rows of `revisions`, each body checked by `parseRevisionInput` as a write is.
 * @throws {Error} naming the first body the store would refuse.
 */
export function syntheticRows(options: ScaleOptions = {}): SyntheticRow[] {
  return syntheticInputs(options).map(({ id, input, publishedAt }) => {
    const parsed = parseRevisionInput(input);
    if (!parsed.success) throw new Error(`scale: the store refuses ${id}: ${JSON.stringify(parsed.issues)}`);
    return { values: toWriteValues(id, parsed.output), publishedAt };
  });
}

/** A value as an SQL literal: text quoted (quotes doubled), numbers as they are, `NULL`. */
const literal = (value: string | number | null): string =>
  value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;

/** D1's longest SQL statement is 100 KB (UTF-8 bytes); each INSERT stays under this. */
const MAX_STATEMENT_BYTES = 90_000;

/**
 * Inserts rows straight into the log as literal multi-row `INSERT`s (no bound parameters, so D1's 100-parameter limit
 * does not apply; each statement stays under D1's 100 KB), twenty statements per `db.batch` (one transaction each).
 */
export async function insertRows(db: D1Database, rows: readonly SyntheticRow[]): Promise<void> {
  const head = `INSERT INTO revisions (${WRITE_COLUMNS.join(', ')}, published_at) VALUES\n`;
  const statements: string[] = [];
  let tuples: string[] = [];
  let bytes = Buffer.byteLength(head);
  for (const { values, publishedAt } of rows) {
    const tuple = `(${[...WRITE_COLUMNS.map((c) => values[c]), publishedAt].map(literal).join(', ')})`;
    const size = Buffer.byteLength(tuple) + 2;
    if (tuples.length && bytes + size > MAX_STATEMENT_BYTES) {
      statements.push(head + tuples.join(',\n'));
      tuples = [];
      bytes = Buffer.byteLength(head);
    }
    tuples.push(tuple);
    bytes += size;
  }
  if (tuples.length) statements.push(head + tuples.join(',\n'));
  for (let i = 0; i < statements.length; i += 20)
    await db.batch(statements.slice(i, i + 20).map((sql) => db.prepare(sql)));
}
