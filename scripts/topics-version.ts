// The topic classifier's version, worked out by the build rather than by every feed command as
// it starts (hashing the definitions took ~4 ms of each run): scripts/build.mjs defines it into
// the bundle as __PIXEL_TOPICS_VERSION__, and src/feed/core/topics.ts falls back to hashing
// when run from source.
export { TOPICS_VERSION } from '../src/feed/core/topics.js';
