import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * PGlite has no cross-process lock: two processes on one directory silently lose rows. The
 * platform therefore owns its data directory through a lock file holding its PID. A lock left
 * by a process that no longer runs (SIGKILL, power loss) is taken over. Hand-written because
 * lock-file packages detect staleness by mtime, which would make a restart after a crash wait.
 */
export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `数据目录 ${dataDir} 正被另一个 InnoCounty 进程使用（PID ${holder.pid}${holder.url ? `，${holder.url}` : ''}）。` +
        '嵌入式数据库同一时间只能由一个进程打开：请先停止那个进程，或通过运行中的平台（网页端或 API）操作。' +
        `若确认该进程已不存在，可删除 ${join(dataDir, LOCK_FILE)} 后重试。`,
    );
  }
}

export interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
  url?: string;
}

const LOCK_FILE = 'innocounty.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  /** Records the URL the holder serves on, so a refused process can say where to go. */
  setUrl(url: string): void;
  release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      return {
        setUrl(url) {
          info.url = url;
          if (!released) rewrite(file, info);
        },
        release() {
          if (released) return;
          released = true;
          rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(file);
      if (holder && holder.host === info.host && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DataDirLockedError(dataDir, holder);
      }
      if (holder && holder.host !== info.host) throw new DataDirLockedError(dataDir, holder);
      if (holder && holder.pid === process.pid) throw new DataDirLockedError(dataDir, holder);
      // The holder is gone: take the lock over.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`无法锁定数据目录 ${dataDir}`);
}

function rewrite(file: string, info: LockInfo) {
  const fd = openSync(file, 'w');
  writeSync(fd, JSON.stringify(info));
  closeSync(fd);
}

function readHolder(file: string): LockInfo | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    return typeof parsed.pid === 'number' ? parsed : null;
  } catch {
    return null; // Unreadable or half-written lock: treat as stale.
  }
}
