/**
 * The publishing page's own stylesheet (form fields, field messages, status, preview), on top of the site's one and
 * in its colours; served same-origin from a content-hashed URL like it (`assets.ts`). The error colour meets WCAG 2.2
 * AA contrast on the page background in light and dark schemes.
 */
export const PUBLISH_CSS = `:root{--error:#b3261e}
@media (prefers-color-scheme:dark){:root{--error:#ffb4ab}}
.publish .field{margin:.9rem 0}
.publish label{display:block;font-weight:600}
.publish input,.publish select,.publish textarea{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--muted);border-radius:.25rem;padding:.35rem .5rem;width:100%;max-width:36rem}
.publish textarea{min-height:4.5rem;resize:vertical}
.publish fieldset{border:1px solid var(--line);border-radius:.25rem;margin:1rem 0;padding:.25rem 1rem .75rem;max-width:40rem}
.publish legend{font-weight:600;padding:0 .25rem}
.publish .hint{font-size:.9rem;color:var(--muted);margin:.15rem 0}
.publish .error{color:var(--error);font-weight:600;margin:.15rem 0}
.publish [aria-invalid=true]{border:2px solid var(--error)}
.publish .actions{display:flex;flex-wrap:wrap;gap:.75rem;margin:1rem 0}
.publish button[disabled]{cursor:progress}
.publish .status{min-height:1.7em;font-weight:600}
.publish .status.bad{color:var(--error)}
.publish .result a{margin-inline-end:1rem}
.publish .tables{overflow-x:auto}
.publish .preview{max-width:600px;margin:.5rem 0}
.notice{padding:.75rem 1rem;border-inline-start:4px solid var(--link);background:var(--soft)}
.id-list{columns:2 20rem;padding-inline-start:1.25rem}
@media print{.publish{display:none}}
`;
