export * from './catalog';
export * from './dataset';
export * from './id';
export * from './indicator';
export * from './localized';
export * from './news';
export * from './period';
export * from './source';
