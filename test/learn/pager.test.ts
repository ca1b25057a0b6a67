import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageText, shouldPage } from '../../src/shared/io/pager.js';
import { makeTempDir } from '../helpers/run-pixel.js';

describe('shouldPage', () => {
  const screen = { isTTY: true, pager: undefined, rows: 5, columns: 10 };
  const lines = (count: number) => `${Array.from({ length: count }, () => 'x').join('\n')}\n`;

  it('pages only a terminal, only when asked, only when the text is taller than the screen', () => {
    expect(shouldPage(lines(4), screen)).toBe(false);
    expect(shouldPage(lines(5), screen)).toBe(true);
    expect(shouldPage(lines(50), { ...screen, isTTY: false })).toBe(false);
    expect(shouldPage(lines(50), { ...screen, pager: false })).toBe(false);
  });

  it('counts a line wider than the screen as several rows, ignoring colour codes', () => {
    expect(shouldPage(`${'y'.repeat(45)}\n`, screen)).toBe(true);
    expect(shouldPage(`\u001b[1m${'y'.repeat(10)}\u001b[22m\n`, screen)).toBe(false);
  });
});

describe('pageText', () => {
  let temp: { dir: string; cleanup: () => Promise<void> };
  beforeEach(async () => {
    temp = await makeTempDir('pixel-pager-');
  });
  afterEach(() => temp.cleanup());

  it('pipes the text into $PAGER with LESS=FRX unless LESS is set', async () => {
    const out = join(temp.dir, 'paged.txt');
    const env = { PATH: process.env.PATH, PAGER: `cat > '${out}'; printf %s "$LESS" >> '${out}'` };
    await expect(pageText('lesson text\n', env)).resolves.toBe(true);
    expect(await readFile(out, 'utf8')).toBe('lesson text\nFRX');
    await pageText('again\n', { ...env, LESS: '-S' });
    expect(await readFile(out, 'utf8')).toBe('again\n-S');
  });

  it('reports a pager that cannot start, so the caller prints instead', async () => {
    const env = { PATH: process.env.PATH, PAGER: 'pixel-no-such-pager-anywhere 2>/dev/null' };
    await expect(pageText('text\n', env)).resolves.toBe(false);
  });
});
