import type { ChalkInstance } from 'chalk';

/**
 * Colours for highlighted code, by highlight.js scope (the part before the first dot). Scopes
 * not listed stay uncoloured, which is also how every scope looks when colour is off.
 */
export function codeScopePainter(
  chalk: ChalkInstance,
  scope: string | undefined,
): ((text: string) => string) | undefined {
  if (!scope) return undefined;
  switch (scope.split('.')[0]) {
    case 'keyword':
    case 'selector-tag':
      return chalk.magenta;
    case 'string':
    case 'regexp':
    case 'symbol':
      return chalk.green;
    case 'number':
    case 'literal':
      return chalk.yellow;
    case 'comment':
    case 'quote':
    case 'meta':
      return chalk.gray;
    case 'title':
    case 'section':
      return chalk.blue;
    case 'built_in':
    case 'type':
    case 'attr':
    case 'attribute':
      return chalk.cyan;
    case 'variable':
    case 'template-variable':
      return chalk.red;
    default:
      return undefined;
  }
}
