// Starts a detached process that would outlive the judge if nothing swept it up.
import { spawn } from 'node:child_process';

const MARKER = 'pixel-sample-grandchild';
let started = false;

export function gradientDescent(x, y, learningRate, iterations) {
  if (!started) {
    started = true;
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', MARKER], {
      detached: true,
      stdio: 'ignore',
      env: {},
    });
    child.unref();
  }
  const n = x.length;
  let [w, b] = [0, 0];
  for (let step = 0; step < iterations; step++) {
    let dw = 0;
    let db = 0;
    for (let i = 0; i < n; i++) {
      const e = w * x[i] + b - y[i];
      dw += e * x[i];
      db += e;
    }
    [w, b] = [w - (learningRate * 2 * dw) / n, b - (learningRate * 2 * db) / n];
  }
  return [w, b];
}
