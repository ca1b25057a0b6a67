/**
 * Posts kept per source (documented in the README): the newest by date. Enough for any lab's
 * recent history; OpenAI's feed carries its whole archive (599 posts) and parsing all of it
 * would cost more than the rest of a refresh. A module of its own, so that a warm listing
 * that only needs the number does not load the normaliser and its entity tables.
 */
export const MAX_ITEMS_PER_SOURCE = 100;
