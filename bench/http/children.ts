// The processes the HTTP benchmarks measure: each started with plain `node` (tsx as a loader, so
// that the pid whose CPU is read is the server itself), spoken to over IPC.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Command, FromServer } from './fixtures.js';

export class Child {
  private nextId = 1;
  private readonly waiting = new Map<number, () => void>();

  private constructor(readonly proc: ChildProcess) {
    proc.on('message', (m: FromServer) => {
      if (m.kind === 'done') this.waiting.get(m.id)?.();
    });
  }

  get pid(): number {
    return this.proc.pid!;
  }

  /** Starts `script` with `env`, its standard output to `logFile`; resolves on its `ready`. */
  static async start(
    script: string,
    env: NodeJS.ProcessEnv,
    logFile: string,
  ): Promise<{ child: Child; ready: Extract<FromServer, { kind: 'ready' }> }> {
    const log = fs.openSync(logFile, 'a');
    const proc = spawn(process.execPath, ['--import', 'tsx', path.resolve(script)], {
      env,
      stdio: ['ignore', log, 'inherit', 'ipc'],
    });
    fs.closeSync(log);
    const child = new Child(proc);
    const ready = await new Promise<Extract<FromServer, { kind: 'ready' }>>((resolve, reject) => {
      proc.on('message', (m: FromServer) => m.kind === 'ready' && resolve(m));
      proc.once('exit', (code) => reject(new Error(`${script} exited with ${code}; see ${logFile}`)));
    });
    return { child, ready };
  }

  async send(m: Command): Promise<void> {
    const id = this.nextId++;
    await new Promise<void>((resolve) => {
      this.waiting.set(id, resolve);
      this.proc.send({ ...m, id });
    });
    this.waiting.delete(id);
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const exited = new Promise((r) => this.proc.once('exit', r));
    this.proc.kill('SIGTERM');
    await exited;
  }
}
