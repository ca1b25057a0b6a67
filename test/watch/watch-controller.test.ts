import { describe, expect, it } from 'vitest';
import { createController, type JobOutcome } from '../../src/judge/commands/watch.js';
import type { WatchAction, WatchJob } from '../../src/judge/ui/watch-state.js';

describe('watch controller', () => {
  it('reports every finished job, even when a save queued the next one while it ran', async () => {
    const pending: Array<(outcome: JobOutcome) => void> = [];
    const run = (_job: WatchJob) => new Promise<JobOutcome>((resolve) => pending.push(resolve));
    const finished: string[] = [];
    const controller = createController(run, (state, action: WatchAction) => {
      if (action.type === 'finished')
        finished.push(`${state.runs}:${state.output}:${state.running ?? 'idle'}`);
    });

    controller.dispatch({ type: 'request', job: 'test' });
    controller.dispatch({ type: 'request', job: 'test' }); // a save while the first run goes on
    expect(pending).toHaveLength(1);

    pending[0]!({ output: 'first', status: '0/3' });
    await controller.idle();
    expect(pending).toHaveLength(2); // the queued run has started
    pending[1]!({ output: 'second', status: '3/3', ok: true });
    await controller.idle();

    // Reported before the queued run starts, so a reader of the state sees it finished.
    expect(finished).toEqual(['1:first:idle', '2:second:idle']);
    expect(controller.state()).toMatchObject({ runs: 2, ok: true, running: undefined });
  });
});
