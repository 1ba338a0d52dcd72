import { z } from 'zod';

// zod decides at schema construction (i.e. when shared/contract is first imported) whether it may
// compile validators with `new Function`, by trying it. Under the renderer CSP (no unsafe-eval,
// Trusted Types required) that caught probe is still reported as a violation. jitless skips the
// probe and the compiler; validation is the same, only interpreted. This module must be the
// entry's first import so it runs before any schema is built.
z.config({ jitless: true });
