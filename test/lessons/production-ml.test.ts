import { describe, expect, it } from 'vitest';
import { LESSON_IDS, readLesson, section } from './lesson-text.js';

// lessons/production-ml.md is the chapter map: its table must agree with the other lessons'
// own metadata, and its one worked example must add up.

const { meta, body } = readLesson('production-ml');

describe('lesson production-ml', () => {
  it('comes last, as the chapter at a glance, and relates to every other lesson', () => {
    const others = LESSON_IDS.filter((id) => id !== 'production-ml');
    expect(meta.order).toBeGreaterThan(Math.max(...others.map((id) => readLesson(id).meta.order)));
    expect([...meta.related].sort()).toEqual([...others].sort());
  });

  it('lists each lesson with its own title, order, command and minutes', () => {
    const text = section(body, 'The lessons');
    const rows = text.split('\n').filter((line) => /^\| \d+ \|/.test(line));
    expect(rows).toHaveLength(LESSON_IDS.length - 1);
    for (const id of LESSON_IDS.filter((other) => other !== 'production-ml')) {
      const lesson = readLesson(id).meta;
      expect(text).toContain(`| ${lesson.order} | ${lesson.title} | \`pixel learn ${id}\` | `);
      expect(text).toMatch(new RegExp(`\`pixel learn ${id}\` \\| [^|]+ \\| ${lesson.minutes} \\|`));
    }
  });

  it('numbers the three threads and the reading advice by the lessons’ real orders', () => {
    const order = (id: string) => readLesson(id).meta.order;
    const thread = (ids: string[]) => ids.map(order).join(' → ');
    expect(body).toContain(
      `**How a model learns** (lessons ${thread(['linear-regression', 'mse', 'gradient-descent', 'training-at-scale'])})`,
    );
    expect(body).toContain(
      `**How a model lives** (lessons ${thread(['mlops', 'classifier-evaluation', 'distribution-shift', 'data-and-experiments', 'model-serving'])})`,
    );
    expect(body).toContain(
      `**How a model generates** (lessons ${thread(['generative-models', 'transfer-learning', 'reinforcement-learning', 'serving-llms'])})`,
    );
    const [lr, mse, gd, mlops] = ['linear-regression', 'mse', 'gradient-descent', 'mlops'].map(
      order,
    );
    expect(body).toContain(`read ${lr}, ${mse} and ${gd} first, then solve the exercise`);
    expect(body).toContain(`want to ship them, start with ${mlops}`);
  });

  describe('worked example: a first look at serving a language model', () => {
    const text = section(body, 'Worked example');
    const [tokensPerSecond, tokensPerAnswer, requestsPerSecond] = [50, 300, 2];
    const seconds = tokensPerAnswer / tokensPerSecond;
    const inFlight = requestsPerSecond * seconds;

    it('states its inputs', () => {
      expect(text).toContain(
        `generates ${tokensPerSecond} tokens per second for each conversation, answers average ` +
          `${tokensPerAnswer} tokens, and ${requestsPerSecond} new requests arrive every second`,
      );
    });

    it("computes W, then L by Little's law, then the token throughput both ways", () => {
      expect(text).toContain(
        `W = ${tokensPerAnswer} tokens / (${tokensPerSecond} tokens/s) = ${seconds} s`,
      );
      expect(text).toContain(
        `L = λ·W = ${requestsPerSecond} requests/s · ${seconds} s = ${inFlight} requests`,
      );
      expect(text).toContain(`Each answer takes ${seconds} s to generate`);
      expect(text).toContain(`${inFlight} requests are being generated at once`);
      expect(text).toContain(`hold ${inFlight} conversations in memory`);
      const total = inFlight * tokensPerSecond;
      expect(total).toBe(requestsPerSecond * tokensPerAnswer);
      expect(text).toContain(
        `${inFlight} · ${tokensPerSecond} = ${total} tokens per second, the same as ` +
          `${requestsPerSecond} requests/s · ${tokensPerAnswer} tokens`,
      );
    });
  });

  it('marks every planned lesson as not yet written, and none of them exists', () => {
    const items = section(body, 'What comes next')
      .split('\n')
      .filter((line) => line.startsWith('- '));
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const item of items) expect(item).toContain('(*not yet written*)');
    const titles = LESSON_IDS.map((id) => readLesson(id).meta.title.toLowerCase());
    for (const item of items) {
      const topic = /\*\*(.+?)\*\*/.exec(item)?.[1]?.toLowerCase() ?? '';
      expect(titles).not.toContain(topic);
    }
  });
});
