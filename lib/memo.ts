/**
 * `fn` with its results kept by argument. With a `limit`, the cache starts over once it holds that many entries
 * (module-level caches must not grow without bound across pages).
 */
export function memoize<K, V>(fn: (key: K) => V, limit = Number.POSITIVE_INFINITY): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as V;
    const value = fn(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}
