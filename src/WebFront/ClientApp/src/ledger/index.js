// The ledger checks as one module: bundled into the page and also served alone as /dist/ledger.js, so that anyone
// (and the browser tests) can run the same code the receipt page runs.
export * from './bytes.js';
export * from './merkle.js';
export * from './note.js';
export * from './checkpoint.js';
export * from './receipt.js';
export * from './verify.js';
