// Where the fixtures shared with the project live: ../shared next to the repository (seeds, gold,
// COINr's ASEM data), or INNOCOUNTY_SHARED_DIR. They are never copied into the repository, so a
// clone without them still runs every other test: suites that need them are skipped, not failed.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'vitest';

export const SHARED_DIR = resolve(
  process.env.INNOCOUNTY_SHARED_DIR ?? join(import.meta.dirname, '..', '..', 'shared'),
);

export const sharedPath = (...parts: string[]): string => join(SHARED_DIR, ...parts);

export const hasShared = (...parts: string[]): boolean => existsSync(sharedPath(...parts));

/** The seed policy every browser and ledger test builds on (阿荣旗“科技兴旗”三年行动实施方案). */
export const SEED_001 = sharedPath('seeds', '001_02923c0dc0beccff.txt');

/** `describe` when the shared files are there, else `describe.skip`: for suites that read them in hooks and tests. */
export const describeIfShared = (...parts: string[]) => (hasShared(...parts) ? describe : describe.skip);

/**
 * A suite that reads shared fixtures when it is collected. vitest runs the body of a skipped
 * suite too (to list its tests), so `describe.skipIf` alone would still read the missing files.
 */
export function describeWithShared(need: string, name: string, body: () => void): void {
  if (hasShared(need)) describe(name, body);
  else describe.skip(name, () => it(`needs ${sharedPath(need)}`, () => {}));
}
