import * as v from 'valibot';

/** Stable kebab-case slug. Ids are published and never reused. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Longest id we accept; anything longer in a request is a client error. */
export const ID_MAX_LENGTH = 80;

/** A stable kebab-case identifier. */
export const IdSchema = v.pipe(
  v.string(),
  v.regex(ID_PATTERN, 'must be a kebab-case slug (a-z, 0-9, single hyphens)'),
  v.maxLength(ID_MAX_LENGTH),
);
