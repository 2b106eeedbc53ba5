export * from './stages';
export * from './timeline';
export * from './recommend';
