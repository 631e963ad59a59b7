/**
 * PGlite does not stop two processes from opening one data directory, and they would
 * silently diverge. A lockfile holding the owner's pid makes the second opener fail
 * clearly; a lock left by a process that died (SIGKILL, power loss) is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ParleyError } from '../domain/errors.ts';

export interface DataDirLock {
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dir: string): DataDirLock {
  const file = join(dir, 'parley.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try { unlinkSync(file); } catch { /* already gone */ }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) {
        throw new ParleyError('data_dir_locked',
          `The data directory ${dir} is in use by another Parley process (pid ${pid}). Stop that process, or use its API instead of opening the directory.`,
          { pid });
      }
      if (pid === process.pid) {
        throw new ParleyError('data_dir_locked', `The data directory ${dir} is already open in this process.`);
      }
      try { unlinkSync(file); } catch { /* raced with another taker */ }
    }
  }
  throw new ParleyError('data_dir_locked', `Could not lock the data directory ${dir}; another process is starting on it.`);
}
