import { expect, it } from 'vitest';
import { memoize } from '../../lib/memo';

it('computes once per key, remembers null results, and starts over at its limit', () => {
  let calls = 0;
  const f = memoize((k: string) => {
    calls++;
    return k === 'none' ? null : k.length;
  }, 2);
  expect([f('ab'), f('ab'), f('none'), f('none')]).toEqual([2, 2, null, null]);
  expect(calls).toBe(2);
  f('xyz');
  f('ab');
  expect(calls).toBe(4);
});
