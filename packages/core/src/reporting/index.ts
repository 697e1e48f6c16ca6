export * from './activities.js';
export * from './indicators.js';
export * from './periods.js';
export * from './submissions.js';
