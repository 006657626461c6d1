/**
 * What a write would do, without writing: the rows checked against a snapshot, and the snapshot as it would be after
 * them (for a dry run's preview of the indicator and its card).
 */
import { checkInputs, type RowIssue, type SubjectLookup } from './batch';
import type { RevisionInput } from './input';
import { extendLiveSnapshot, type LiveSnapshot } from './live-snapshot';
import { fromRow, type Revision, type RevisionRow, toWriteValues } from './revision';

/** What a snapshot knows of each subject: created, withdrawn. */
export function snapshotLookup(snapshot: LiveSnapshot): SubjectLookup {
  return (subject) => snapshot.subjectState(subject);
}

/** The outcome of {@link previewRevisions}. */
export type Preview = { ok: true; revisions: Revision[]; snapshot: LiveSnapshot } | { ok: false; issues: RowIssue[] };

/**
 * Checks `inputs` against `snapshot` (as a write would be checked against the log) and builds the snapshot they would
 * make. The revisions get placeholder ids (`dry-run-<n>`) and the time `now`.
 *
 * @example
 * const preview = await previewRevisions(snapshot, [input], (n, field) => field);
 * if (preview.ok) preview.snapshot.indicator('platforms-total'); // as it would be served
 */
export async function previewRevisions(
  snapshot: LiveSnapshot,
  inputs: readonly RevisionInput[],
  at?: (n: number, field: string) => string,
  now: Date = new Date(),
): Promise<Preview> {
  const issues = checkInputs(inputs, snapshotLookup(snapshot), at);
  if (issues.length) return { ok: false, issues };
  const last = snapshot.revisions.at(-1)?.seq ?? 0;
  const publishedAt = now.toISOString();
  const revisions = inputs.map((input, n) =>
    fromRow({
      ...(toWriteValues(`dry-run-${n}`, input) as unknown as RevisionRow),
      seq: last + n + 1,
      published_at: publishedAt,
      replaces: null,
    }),
  );
  const after = await extendLiveSnapshot(snapshot, revisions, `dry-run-${last}`, { scratch: true });
  return { ok: true, revisions, snapshot: after };
}
