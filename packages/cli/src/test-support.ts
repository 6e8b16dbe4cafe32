// SPDX-License-Identifier: MIT
// Shared by the CLI's tests: runs `main` in-process and captures what it prints.
import { main, type Io } from './index.js';

/** Runs the CLI with `argv`; resolves to its exit code and output. */
export async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
