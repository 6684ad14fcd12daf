import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

// The benchmark's processes and their messages. The sandbox, the users and the recalculation each
// run in a process of their own, as in HubSpot, where the API and each function invocation are apart:
// HubSpot's client keeps its retry settings per process (the recalculation does not retry within a
// slice, the cards do), and the sandbox gets a core of its own. Messages are `{ type, ...payload }`.

export interface Message {
  type: string;
}

/** Messages from one other process, taken in order by type. */
export interface Channel {
  send<M extends Message>(message: M): void;
  /** The next message of this type (one that came earlier waits here); fails if the other side fails or exits first. */
  next<M extends Message>(type: M['type']): Promise<M>;
}

const REPO = resolve(import.meta.dirname, '../..');

interface Waiting {
  type: string;
  resolve(message: Message): void;
  reject(error: Error): void;
}

function channelOver(
  send: (message: Message) => void,
  source: { on(event: 'message', listener: (message: Message) => void): unknown },
  name: string,
): Channel & { fail(error: Error): void } {
  const queued: Message[] = [];
  const waiting: Waiting[] = [];
  let failure: Error | null = null;
  const fail = (error: Error) => {
    failure ??= error;
    for (const w of waiting.splice(0)) w.reject(failure);
  };
  source.on('message', (message) => {
    if (message.type === 'failed')
      return fail(new Error(`${name}: ${(message as Message & { message: string }).message}`));
    const i = waiting.findIndex((w) => w.type === message.type);
    if (i < 0) queued.push(message);
    else waiting.splice(i, 1)[0]!.resolve(message);
  });
  return {
    send,
    fail,
    next<M extends Message>(type: M['type']): Promise<M> {
      const i = queued.findIndex((m) => m.type === type);
      if (i >= 0) return Promise.resolve(queued.splice(i, 1)[0] as M);
      if (failure) return Promise.reject(failure);
      return new Promise<M>((resolve, reject) =>
        waiting.push({ type, resolve: resolve as (m: Message) => void, reject }),
      );
    },
  };
}

export interface Child extends Channel {
  readonly process: ChildProcess;
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>;
}

/** Runs `file` (a module calling `asChild`) in a new Node process with tsx, as `npm run bench` runs, with these V8 flags. */
export function startChild(file: string, name: string, v8Flags: readonly string[] = []): Child {
  const child = fork(file, [], {
    cwd: REPO,
    execArgv: ['--import', 'tsx', ...v8Flags],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const channel = channelOver((message) => child.send(message), child, name);
  // 'close', not 'exit': a process can exit before the parent has read its last messages.
  const exited = new Promise<void>((resolve) =>
    child.once('close', (code, signal) => {
      channel.fail(new Error(`${name} exited (${signal ?? `code ${code}`})`));
      resolve();
    }),
  );
  return { ...channel, process: child, exited };
}

/** The child's side: runs `main` with the channel to the parent, reporting a failure to it, then lets the process end. */
export function asChild(name: string, main: (parent: Channel) => Promise<void>): void {
  if (!process.send) throw new Error(`${name} runs as a child of the peak benchmark`);
  // Messages go out in order, so once the last is written all are: only then may the channel close
  // (closing it drops a large message still being written).
  let written = Promise.resolve();
  const parent = channelOver(
    (message) => {
      written = new Promise((resolve) => process.send!(message, () => resolve()));
    },
    process,
    'parent',
  );
  main(parent).then(
    () => written.then(() => process.disconnect()),
    (error: unknown) => {
      process.send!(
        { type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) },
        () => process.exit(1),
      );
    },
  );
}
