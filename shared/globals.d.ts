// The only ambient global shared/ may use: every environment (Node, browser, Electron) has it.
declare const console: { error(...args: unknown[]): void; warn(...args: unknown[]): void };
