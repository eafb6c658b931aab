// Importing this registers every module's demo loader (see modules/demo/registry.ts).
// A module with demo content adds one import line here.
import './policies/demo';
import './ledger/demo';
