// Worker threads do not inherit the tsx loader of the main thread (Node 20), so each worker starts
// here: register tsx, then load the TypeScript entry named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
