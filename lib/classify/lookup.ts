/** Whether `host` or one of its parent domains is a key of `table` (a Set or a record); the key found, or null. */
export function inTable(host: string, table: { has(key: string): boolean }): string | null {
  let h = host;
  for (let i = 0; i < 8; i++) {
    if (table.has(h)) return h;
    const dot = h.indexOf('.');
    if (dot < 0) return null;
    h = h.slice(dot + 1);
  }
  return null;
}

/** The value for `host` or its nearest parent domain in a host-keyed record. */
export function fromTable<T>(host: string, table: Record<string, T>): T | undefined {
  let h = host;
  for (let i = 0; i < 8; i++) {
    if (Object.hasOwn(table, h)) return table[h];
    const dot = h.indexOf('.');
    if (dot < 0) return undefined;
    h = h.slice(dot + 1);
  }
  return undefined;
}
