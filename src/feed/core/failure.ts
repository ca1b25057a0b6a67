/** Why a source could not be fetched, as a closed set, each with the words a user reads. */

export type FeedFailureKind =
  | 'timeout'
  | 'deadline'
  | 'blocked'
  | 'not-found'
  | 'server-error'
  | 'http-error'
  | 'not-a-feed'
  | 'parse-error'
  | 'too-large'
  | 'too-many-redirects'
  | 'insecure-redirect'
  | 'network'
  | 'offline';

export class FeedFailure extends Error {
  constructor(
    readonly kind: FeedFailureKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FeedFailure';
  }
}

/** The failure for an HTTP status that is neither success, 304 nor a redirect. */
export function failureForStatus(status: number): FeedFailure {
  if (status === 401 || status === 403 || status === 429 || status === 451) {
    return new FeedFailure('blocked', `blocked by the publisher (HTTP ${status})`);
  }
  if (status === 404 || status === 410) {
    return new FeedFailure(
      'not-found',
      `not found (HTTP ${status}): the feed may have moved or been removed`,
    );
  }
  if (status >= 500) return new FeedFailure('server-error', `server error (HTTP ${status})`);
  return new FeedFailure('http-error', `unexpected HTTP status ${status}`);
}
