/** Task parameters of §5.3 / §6: the frame grid, task.json's schema, and the builder with its rules. */
export * from './frames';
export * from './schema';
export * from './build';
export * from './markers';
