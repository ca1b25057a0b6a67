/**
 * Files carry a format version so that an older pixel meeting a newer file says "update pixel"
 * instead of a list of schema errors, and leaves the file alone (rustlings'
 * FORMAT_VERSION_HIGHER_ERR). Read before the schema runs, from the raw JSON.
 */

/** The file's version when it is a whole number newer than `supported`, else undefined. */
export function newerFormatVersion(
  raw: unknown,
  supported: number,
  key = 'formatVersion',
): number | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const version = (raw as Record<string, unknown>)[key];
  return typeof version === 'number' && Number.isInteger(version) && version > supported
    ? version
    : undefined;
}

/** The message for such a file: what it is, both versions, and what to do. */
export function newerFormatMessage(file: string, version: number, supported: number): string {
  return `${file} is format version ${version}, newer than this pixel reads (${supported}): update pixel`;
}

/** The hint that goes with it. */
export const UPDATE_PIXEL_HINT = 'update pixel: npm install --global pixel-ml@latest';
