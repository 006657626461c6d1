import { files } from '../../../../data';
import { loadData } from '../../../../worker/data-source';
import { createSnapshot, type Snapshot } from '../../../../worker/data-source/snapshot';

/** Markup that must come out as text wherever it is rendered. */
export const HOSTILE = {
  label: '<script>alert("label")</script>',
  description: '</script><script>alert("ld")</script><!--',
  quote: '<img src=x onerror=alert("quote")>',
  title: '"><svg onload=alert("title")>',
  unit: "'><b>unit</b>",
} as const;

/**
 * The real data with hostile text in every field a page prints from the first
 * dataset's first indicator, its dataset and the catalog, built into a
 * snapshot the way the Worker builds its own.
 */
export async function hostileSnapshot(): Promise<Snapshot> {
  const data = structuredClone(loadData(files));
  const dataset = data.datasets[0]!;
  const indicator = dataset.indicators[0]!;
  indicator.label = { zh: HOSTILE.label, en: HOSTILE.label };
  indicator.description = { zh: HOSTILE.description, en: HOSTILE.description };
  indicator.unitLabel = { zh: HOSTILE.unit, en: HOSTILE.unit };
  indicator.source = { ...indicator.source, quote: HOSTILE.quote, section: { zh: HOSTILE.title, en: HOSTILE.title } };
  dataset.title = { zh: HOSTILE.title, en: HOSTILE.title };
  dataset.description = { zh: HOSTILE.description, en: HOSTILE.description };
  data.meta.title = { zh: HOSTILE.title, en: HOSTILE.title };
  return createSnapshot(data);
}
