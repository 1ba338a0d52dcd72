export * from './envelope';
export * from './schemas';
export * from './methods';
export * from './events';
