// Zod's JIT compiles validators with `new Function`, which an MV3 extension's CSP forbids.
// Every schema in the project imports `z` from here so the switch is made before any schema exists.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
