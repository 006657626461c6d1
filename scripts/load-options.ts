/** What the load scripts (`npm run bench`, `npm run soak`) share: their numeric options and the machine's tools. */
import { spawnSync } from 'node:child_process';

/**
 * `--name <number>` from the command line, or `fallback`.
 *
 * @example const seconds = numberOption('seconds', 60); // npm run soak -- --seconds 10
 */
export function numberOption(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Whether a command is installed (`wrk`, `taskset`). */
export const hasCommand = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

/** Whether the Worker and the load can be pinned to different cores (core 0 and core 1). */
export const canPin = hasCommand('taskset');
