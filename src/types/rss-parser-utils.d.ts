/** rss-parser's internal helpers (lib/utils.js), which ship without types. */
declare module 'rss-parser/lib/utils.js' {
  const utils: { getSnippet(text: string): string };
  export default utils;
}
