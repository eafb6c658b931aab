// The one schema, for both engines. Each module adds its tables in a file of its own here.
export * from './departments';
export * from './identity';
export * from './ledger';
export * from './logs';
export * from './orgUnits';
export * from './policies';
