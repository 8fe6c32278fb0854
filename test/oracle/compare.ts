/** The comparison lives in src/core/verify/compare.ts (the verify command uses it too). */
export * from '../../src/core/verify/compare';
