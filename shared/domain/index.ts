export * from './taxonomy';
export * from './frameworks';
