import { describe, expect, it } from 'vitest';
import { checkCrossReferences, parseLessonSource } from '../../scripts/lessons/compile-lessons.js';
import { htmlToSegments, highlightCode } from '../../scripts/lessons/highlight.js';
import { markdownToBlocks } from '../../scripts/lessons/markdown-to-blocks.js';
import type { LessonMeta } from '../../src/learn/core/lesson-meta.js';

const FRONT = `---
id: demo
title: Demo lesson
summary: A lesson written inside a test, to exercise the build step.
aliases: [dm]
minutes: 2
order: 1
problems: []
related: []
quiz:
  - id: one
    question: What is one plus one?
    answer: 2
    tolerance: 0
    explanation: Counting one and one more gives two.
  - id: two
    question: Which of these is a colour?
    choices: [red, seven]
    answer: a
    explanation: Red is a colour; seven is a number.
  - id: three
    question: How many sides has a triangle?
    answer: 3
    tolerance: 0
    explanation: A triangle has three sides and three corners.
---
`;

function meta(overrides: Partial<LessonMeta>): LessonMeta {
  return {
    id: 'demo',
    title: 'Demo',
    summary: 'A demo lesson for the checks.',
    aliases: [],
    minutes: 1,
    order: 1,
    problems: [],
    related: [],
    ...overrides,
  };
}

describe('parseLessonSource', () => {
  it('parses front matter and body into the model', () => {
    const parsed = parseLessonSource('demo', `${FRONT}\nSome **bold** text.\n`);
    expect(parsed.issues).toEqual([]);
    expect(parsed.lesson?.meta.aliases).toEqual(['dm']);
    expect(parsed.lesson?.blocks).toEqual([
      {
        type: 'paragraph',
        text: [{ text: 'Some ' }, { text: 'bold', styles: ['strong'] }, { text: ' text.' }],
      },
    ]);
  });

  it('reports every problem of a file at once', () => {
    const source = `---
id: Demo
title: D
summary: short
aliases: [dm]
minutes: 0
order: 1
problems: []
related: []
colour: blue
---
# A title heading

<div>html</div>

![a picture](pic.png)

\`\`\`cobol
DISPLAY 'HI'.
\`\`\`
`;
    const { issues } = parseLessonSource('demo', source);
    expect(issues.join('\n')).toMatchInlineSnapshot(`
      "id: must be lowercase kebab-case
      title: Too small: expected string to have >=3 characters
      summary: Too small: expected string to have >=10 characters
      minutes: Too small: expected number to be >0
      front matter: Unrecognized key: "colour"
      quiz: missing; every lesson ends with 3 to 5 questions
      a "# A title heading" heading: the title comes from the front matter; use ## for sections
      raw HTML is not supported: <div>html</div>
      images cannot be shown in a terminal: ![a picture](pic.png)
      code block in unknown language "cobol" (known: bash, console, javascript, json, output, plain, python, text, typescript, math)"
    `);
  });

  it('rejects a file without front matter, and an id that is not the file name', () => {
    expect(parseLessonSource('demo', 'just text').issues).toEqual([
      'no front matter: the file must start with a "---" block of YAML',
    ]);
    expect(parseLessonSource('other', `${FRONT}\ntext\n`).issues).toEqual([
      'id "demo" does not match the file name other.md',
    ]);
  });

  it('carries the quiz into the lesson, apart from the metadata', () => {
    const parsed = parseLessonSource('demo', `${FRONT}\ntext\n`);
    expect(parsed.lesson?.quiz.map((question) => question.id)).toEqual(['one', 'two', 'three']);
    expect(parsed.lesson?.meta).not.toHaveProperty('quiz');
  });

  it('reports every problem of a quiz with its place', () => {
    const quiz = `quiz:
  - id: one
    question: What is one plus one?
    answer: two
    explanation: Counting one and one more gives two.
  - id: one
    question: Which of these is a colour?
    choices: [red, red]
    answer: c
    explanation: Red.
`;
    const source = FRONT.replace(/quiz:[\s\S]*?---\n$/, `${quiz}---\n`);
    expect(parseLessonSource('demo', `${source}\ntext\n`).issues).toEqual([
      'quiz: has 2 questions; a lesson ends with 3 to 5',
      'quiz.1.answer: Invalid input: expected number, received string',
      'quiz.1.tolerance: Invalid input: expected number, received undefined',
      'quiz.2.id: "one" is used twice',
      'quiz.2.explanation: Too small: expected string to have >=10 characters',
      'quiz.2.answer: "c" but there are only 2 choices',
      'quiz.2.choices: two choices are the same',
    ]);
  });

  it('reports YAML that does not parse', () => {
    const { issues } = parseLessonSource('demo', '---\nid: [unclosed\n---\ntext\n');
    expect(issues[0]).toMatch(/^front matter is not valid YAML/);
  });

  it('refuses escape codes hidden in a lesson', () => {
    const { issues } = parseLessonSource('demo', `${FRONT}\nred \u001b[31mtext\n`);
    expect(issues).toContain('contains control characters (escape codes?)');
  });
});

describe('markdownToBlocks', () => {
  it('marks the practice pointer, decodes entities and keeps link targets', () => {
    const { blocks, issues } = markdownToBlocks(
      '> **Practice:** run `pixel solve gd`.\n\n> an ordinary quote\n\nA &lt; B, see [the **docs**](https://x.test).\n',
    );
    expect(issues).toEqual([]);
    expect(blocks.map((block) => block.type === 'quote' && block.practice)).toEqual([
      true,
      false,
      false,
    ]);
    expect(blocks[2]).toEqual({
      type: 'paragraph',
      text: [
        { text: 'A < B, see ' },
        { text: 'the ', href: 'https://x.test' },
        { text: 'docs', styles: ['strong'], href: 'https://x.test' },
        { text: '.' },
      ],
    });
  });

  it('keeps math verbatim and task items ticked', () => {
    const { blocks } = markdownToBlocks('```math\n  ŷ = w·x + b\n```\n\n- [x] done\n- [ ] to do\n');
    expect(blocks[0]).toEqual({ type: 'math', lines: ['  ŷ = w·x + b'] });
    const list = blocks[1];
    expect(list?.type === 'list' && list.items.map((item) => item.checked)).toEqual([true, false]);
  });
});

describe('highlighting', () => {
  it('turns highlight.js HTML into lines of scoped segments', () => {
    expect(
      htmlToSegments(
        '<span class="hljs-keyword">def</span> f():\n  <span class="hljs-string">&quot;a\nb&quot;</span> &amp;',
      ),
    ).toEqual([
      [{ text: 'def', scope: 'keyword' }, { text: ' f():' }],
      [{ text: '  ' }, { text: '"a', scope: 'string' }],
      [{ text: 'b"', scope: 'string' }, { text: ' &' }],
    ]);
  });

  it('highlights python and leaves text alone', () => {
    const python = highlightCode('return x  # done', 'python');
    expect(python[0]?.[0]).toEqual({ text: 'return', scope: 'keyword' });
    expect(highlightCode('a\n\tb', 'text')).toEqual([[{ text: 'a' }], [{ text: '    b' }]]);
  });
});

describe('checkCrossReferences', () => {
  it('accepts lessons whose names are unique and references resolve', () => {
    const report = checkCrossReferences(
      [meta({ id: 'a', aliases: ['x'], related: ['b'], problems: ['p'] }), meta({ id: 'b' })],
      new Set(['p']),
    );
    expect(report).toEqual({ errors: [], dangling: [] });
  });

  it('reports every clash and every dangling reference', () => {
    const report = checkCrossReferences(
      [
        meta({ id: 'a', aliases: ['x', 'x'], related: ['a', 'ghost'], problems: ['missing'] }),
        meta({ id: 'b', aliases: ['a', 'x'] }),
      ],
      new Set(),
    );
    expect(report.errors).toEqual([
      'lessons/a.md: "x" is listed twice',
      'lessons/b.md: "a" is already the id or an alias of lessons/a.md',
      'lessons/b.md: "x" is already the id or an alias of lessons/a.md',
      'lessons/a.md: related lists itself',
    ]);
    expect(report.dangling).toEqual([
      'lessons/a.md: related lesson "ghost" does not exist',
      'lessons/a.md: problem "missing" has no folder problems/missing/',
    ]);
  });
});
