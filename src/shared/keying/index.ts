/** The keyer (CPU reference), its per-pixel model and the backdrop analysis (§1.2.4, §1.3.3). */
export * from './model';
export * from './cpu-keyer';
export * from './findings';
export * from './analysis';
