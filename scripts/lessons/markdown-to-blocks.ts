/**
 * Markdown (GFM, via marked's lexer) → pixel's lesson model. Everything the terminal cannot
 * show (raw HTML, images) becomes a reported issue, so a lesson never renders differently from
 * what its author saw.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import type {
  Block,
  Inline,
  InlineRun,
  InlineStyle,
  ListItem,
} from '../../src/learn/core/lesson-model.js';
import { highlightCode, isKnownLanguage, knownLanguages } from './highlight.js';

export interface ConvertResult {
  blocks: Block[];
  /** Problems found, each a short sentence; empty when the Markdown is fine. */
  issues: string[];
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Markdown source may carry HTML entities (`&lt;`); the terminal wants the characters. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

class Converter {
  readonly issues: string[] = [];

  inline(tokens: readonly Token[] | undefined, styles: InlineStyle[] = [], href?: string): Inline {
    const runs: InlineRun[] = [];
    const append = (run: InlineRun) => {
      if (run.text === '') return;
      const last = runs.at(-1);
      // Merge neighbours with the same look, to keep the JSON small.
      if (last && last.href === run.href && String(last.styles) === String(run.styles)) {
        last.text += run.text;
      } else runs.push({ ...run });
    };
    const add = (text: string, extra: InlineStyle[] = []) => {
      const all = [...styles, ...extra];
      const run: InlineRun = { text };
      if (all.length > 0) run.styles = all;
      if (href !== undefined) run.href = href;
      append(run);
    };
    for (const token of tokens ?? []) {
      switch (token.type) {
        case 'text':
        case 'escape': {
          const t = token as Tokens.Text;
          if (t.tokens && t.tokens.length > 0) this.inline(t.tokens, styles, href).forEach(append);
          else add(decodeEntities(t.text));
          break;
        }
        case 'strong':
        case 'em':
        case 'del': {
          const style: InlineStyle = token.type === 'del' ? 'strike' : token.type;
          this.inline((token as Tokens.Strong).tokens, [...styles, style], href).forEach(append);
          break;
        }
        case 'codespan':
          add(decodeEntities((token as Tokens.Codespan).text), ['code']);
          break;
        case 'link': {
          const link = token as Tokens.Link;
          this.inline(link.tokens, styles, link.href).forEach(append);
          break;
        }
        case 'br':
          add(' ');
          break;
        case 'image':
          this.issues.push(`images cannot be shown in a terminal: ${token.raw}`);
          break;
        case 'html':
          this.issues.push(`raw HTML is not supported: ${token.raw.trim()}`);
          break;
        default:
          this.issues.push(`unsupported inline Markdown (${token.type}): ${token.raw.trim()}`);
      }
    }
    return runs;
  }

  blocks(tokens: readonly Token[]): Block[] {
    const blocks: Block[] = [];
    for (const token of tokens) {
      const block = this.block(token);
      if (block) blocks.push(block);
    }
    return blocks;
  }

  block(token: Token): Block | undefined {
    switch (token.type) {
      case 'space':
      case 'def':
        return undefined;
      case 'heading': {
        const heading = token as Tokens.Heading;
        if (heading.depth === 1) {
          this.issues.push(
            `a "# ${heading.text}" heading: the title comes from the front matter; use ## for sections`,
          );
        }
        return { type: 'heading', depth: heading.depth, text: this.inline(heading.tokens) };
      }
      case 'paragraph':
      case 'text':
        return { type: 'paragraph', text: this.inline((token as Tokens.Paragraph).tokens) };
      case 'list': {
        const list = token as Tokens.List;
        const items: ListItem[] = list.items.map((item) => {
          const blocks = this.blocks(item.tokens.filter((t) => t.type !== 'checkbox'));
          return item.task ? { checked: Boolean(item.checked), blocks } : { blocks };
        });
        const start = typeof list.start === 'number' ? list.start : 1;
        return { type: 'list', ordered: list.ordered, start, loose: list.loose, items };
      }
      case 'table': {
        const table = token as Tokens.Table;
        return {
          type: 'table',
          align: table.align,
          header: table.header.map((cell) => this.inline(cell.tokens)),
          rows: table.rows.map((row) => row.map((cell) => this.inline(cell.tokens))),
        };
      }
      case 'code': {
        const code = token as Tokens.Code;
        const language = (code.lang ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
        if (language === 'math') {
          return { type: 'math', lines: code.text.split('\n') };
        }
        if (!isKnownLanguage(language)) {
          this.issues.push(
            `code block in unknown language "${language}" (known: ${knownLanguages().join(', ')}, math)`,
          );
        }
        return { type: 'code', language, lines: highlightCode(code.text, language) };
      }
      case 'blockquote': {
        const quote = token as Tokens.Blockquote;
        const blocks = this.blocks(quote.tokens);
        const first = blocks[0];
        const practice =
          first?.type === 'paragraph' &&
          first.text[0]?.styles?.includes('strong') === true &&
          /^practice:?$/i.test(first.text[0].text.trim());
        return { type: 'quote', practice, blocks };
      }
      case 'hr':
        return { type: 'rule' };
      case 'html':
        this.issues.push(`raw HTML is not supported: ${token.raw.trim().slice(0, 60)}`);
        return undefined;
      default:
        this.issues.push(`unsupported Markdown (${token.type}): ${token.raw.trim().slice(0, 60)}`);
        return undefined;
    }
  }
}

/** Parses a lesson body (Markdown without front matter) into blocks, collecting every issue. */
export function markdownToBlocks(markdown: string): ConvertResult {
  const converter = new Converter();
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const blocks = converter.blocks(tokens);
  return { blocks, issues: converter.issues };
}
