/**
 * Build-time syntax highlighting: highlight.js (core plus only the languages lessons use) turns
 * code into lines of segments tagged with a scope, so `pixel learn` colours code without
 * loading highlight.js.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import typescript from 'highlight.js/lib/languages/typescript';
import type { CodeSegment } from '../../src/learn/core/lesson-model.js';

hljs.registerLanguage('python', python);
hljs.registerLanguage('javascript', javascript);
hljs.registerLanguage('typescript', typescript);
hljs.registerLanguage('bash', bash);
hljs.registerLanguage('json', json);

/** Fence languages shown as they are, without highlighting. */
export const PLAIN_LANGUAGES = new Set(['', 'text', 'plain', 'console', 'output']);

export function isKnownLanguage(language: string): boolean {
  return PLAIN_LANGUAGES.has(language) || hljs.getLanguage(language) !== undefined;
}

export function knownLanguages(): string[] {
  return [...hljs.listLanguages(), ...PLAIN_LANGUAGES].filter(Boolean).sort();
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#x27': "'",
  '#39': "'",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x27|#39|amp|lt|gt|quot);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/** `hljs-title function_` → `title.function`. */
function scopeOf(classes: string): string {
  return classes
    .split(/\s+/)
    .map((name) => name.replace(/^hljs-/, '').replace(/_+$/, ''))
    .filter(Boolean)
    .join('.');
}

/**
 * Converts highlight.js HTML (only `<span class="...">`, `</span>` and escaped text) into lines
 * of segments. A span that crosses a newline carries its scope onto the next line; nested
 * spans take the innermost scope.
 */
export function htmlToSegments(html: string): CodeSegment[][] {
  const lines: CodeSegment[][] = [[]];
  const scopes: string[] = [];
  const push = (text: string) => {
    const parts = decodeEntities(text).split('\n');
    parts.forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part === '') return;
      const scope = scopes.at(-1);
      const line = lines.at(-1)!;
      const last = line.at(-1);
      if (last && last.scope === scope) last.text += part;
      else line.push(scope ? { text: part, scope } : { text: part });
    });
  };
  const tag = /<span class="([^"]*)">|<\/span>/g;
  let position = 0;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    push(html.slice(position, match.index));
    if (match[1] !== undefined) scopes.push(scopeOf(match[1]));
    else scopes.pop();
    position = tag.lastIndex;
  }
  push(html.slice(position));
  return lines;
}

/** Highlights code as lines of segments; plain languages give one segment per line. */
export function highlightCode(code: string, language: string): CodeSegment[][] {
  const text = code.replace(/\t/g, '    ');
  if (PLAIN_LANGUAGES.has(language) || !hljs.getLanguage(language)) {
    return text.split('\n').map((line) => (line === '' ? [] : [{ text: line }]));
  }
  return htmlToSegments(hljs.highlight(text, { language, ignoreIllegals: true }).value);
}
