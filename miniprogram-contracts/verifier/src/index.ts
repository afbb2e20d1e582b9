export * from './mc1.js';
export * from './trust-store.js';
