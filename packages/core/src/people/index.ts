export * from './academic-name.js';
export * from './legacy-encoding.js';
export * from './name-key.js';
export * from './syllable.js';
