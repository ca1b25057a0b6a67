import type * as z from 'zod/mini';

/**
 * zod issues as one line each, `where: what is wrong`, for every place that validates input:
 * command options, content files, state files. zod/mini ships no message locale (to stay
 * small), so its own messages all read "Invalid input"; these lines name the problem from the
 * issue's code and details instead, and keep any message a schema wrote itself.
 */

type Issue = z.core.$ZodIssue;

/** zod/mini's message when a schema gave none. */
const GENERIC_MESSAGE = 'Invalid input';

/** What a value is, in the words of a JSON or command-line user. */
export function kindOf(value: unknown): string {
  switch (typeof value) {
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? 'a list' : 'an object';
    case 'number':
      return Number.isNaN(value) ? 'NaN' : String(value);
    case 'string':
      return `"${value.length > 40 ? `${value.slice(0, 39)}…` : value}"`;
    case 'boolean':
    case 'bigint':
    case 'symbol':
    case 'undefined':
    case 'function':
      return String(value);
  }
}

const quote = (value: unknown) => (typeof value === 'string' ? `"${value}"` : String(value));

function sizeWord(origin: string): string {
  if (origin === 'string') return 'characters';
  if (origin === 'array' || origin === 'set') return 'items';
  return '';
}

/** Only the words of the problem, without its path. */
export function describeIssue(issue: Issue): string {
  if (issue.message && issue.message !== GENERIC_MESSAGE) return issue.message;
  const got = 'input' in issue ? `, got ${kindOf(issue.input)}` : '';
  switch (issue.code) {
    case 'invalid_type':
      if ('input' in issue && issue.input === undefined) return `is required (${issue.expected})`;
      return `expected ${issue.expected}${got}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${quote(issue.values[0])}${got}`
        : `expected one of ${issue.values.map(quote).join(', ')}${got}`;
    case 'too_small': {
      const unit = sizeWord(issue.origin);
      if (unit && Number(issue.minimum) === 1) return 'must not be empty';
      const bound = issue.inclusive === false ? 'more than' : 'at least';
      return `must be ${bound} ${issue.minimum}${unit ? ` ${unit}` : ''}${got}`;
    }
    case 'too_big': {
      const unit = sizeWord(issue.origin);
      const bound = issue.inclusive === false ? 'less than' : 'at most';
      return `must be ${bound} ${issue.maximum}${unit ? ` ${unit}` : ''}${got}`;
    }
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue
        ? `must match ${String(issue.pattern)}${got}`
        : `must be a valid ${issue.format}${got}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}${got}`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map(quote).join(', ')}`;
    case 'invalid_union': {
      const alternatives = issue.errors.map((issues) => issues.map(describeIssue).join(' and '));
      return alternatives.length > 0
        ? `matches none of the accepted forms (${alternatives.join('; or ')})`
        : `matches none of the accepted forms${got}`;
    }
    case 'invalid_key':
      return `has an invalid key: ${issue.issues.map(describeIssue).join('; ')}`;
    case 'invalid_element':
      return `has an invalid element at ${quote(issue.key)}: ${issue.issues.map(describeIssue).join('; ')}`;
    default:
      return `is not valid${got}`;
  }
}

export interface IssueLineOptions {
  /** How a path is written: `--dir` for options, `cases.3.input` for files. */
  formatPath?: (path: readonly PropertyKey[]) => string;
  /** Said of the whole value, when the issue has no path. */
  root?: string;
}

const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** `where: what is wrong` for one issue. */
export function issueLine(issue: Issue, options: IssueLineOptions = {}): string {
  const where =
    issue.path.length > 0 ? (options.formatPath ?? dotted)(issue.path) : (options.root ?? '(root)');
  return `${where}: ${describeIssue(issue)}`;
}

/** One line per issue of a failed parse, in the order zod found them. */
export function issueLines(
  error: { issues: readonly Issue[] },
  options: IssueLineOptions = {},
): string[] {
  return error.issues.map((issue) => issueLine(issue, options));
}
