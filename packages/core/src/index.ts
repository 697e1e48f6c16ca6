export * from './text/vietnamese.js';
export * from './format/vi-format.js';
export * from './reference/provinces.js';
export * from './reference/fields.js';
export * from './organizations/kinds.js';
export * from './people/index.js';
export * from './reporting/index.js';
