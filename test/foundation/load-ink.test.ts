import { afterEach, describe, expect, it } from 'vitest';
import { loadInk } from '../../src/shared/ui/load-ink.js';

/**
 * loadInk hides CI from ink while ink reads it (the tmux tests in test/learn/quiz.e2e.test.ts
 * show the screen stays live); here, that it gives the variables back afterwards, so a judge or
 * a pager that pixel starts later still sees them.
 */
describe('loadInk', () => {
  const before = { CI: process.env.CI, CONTINUOUS_INTEGRATION: process.env.CONTINUOUS_INTEGRATION };
  afterEach(() => {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('leaves CI and CONTINUOUS_INTEGRATION as they were', async () => {
    process.env.CI = 'true';
    process.env.CONTINUOUS_INTEGRATION = '1';
    const { ink } = await loadInk();
    expect(typeof ink.render).toBe('function');
    expect(process.env.CI).toBe('true');
    expect(process.env.CONTINUOUS_INTEGRATION).toBe('1');
  });

  it('does not add them where they were not set', async () => {
    delete process.env.CI;
    delete process.env.CONTINUOUS_INTEGRATION;
    await loadInk();
    expect('CI' in process.env).toBe(false);
    expect('CONTINUOUS_INTEGRATION' in process.env).toBe(false);
  });
});
