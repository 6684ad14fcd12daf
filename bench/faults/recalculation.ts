import { fork } from 'node:child_process';

// Starts the portfolio recalculation process (recalculation-process.ts) once, then runs one whole
// recalculation in it per round, beside the users' changes.

export interface RecalculationRequest {
  userId: number;
  now: number;
}
export interface RecalculationOutcome {
  slices: number;
  interrupted: number;
  failed: number;
  done: boolean;
}

export interface RecalculationRunner {
  run(request: RecalculationRequest): Promise<RecalculationOutcome>;
  stop(): void;
}

// Longer than a run of its bounded slices and waits can take.
const RUN_LIMIT_MS = 90_000;

export function startRecalculationProcess(connection: { baseUrl: string; accessToken: string }): RecalculationRunner {
  // Its TypeScript runs through tsx, as the benchmark's own does.
  const child = fork(new URL('./recalculation-process.ts', import.meta.url), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, HUBSPOT_API_BASE_URL: connection.baseUrl, PRIVATE_APP_ACCESS_TOKEN: connection.accessToken },
  });
  return {
    run: (request) =>
      new Promise((resolve, reject) => {
        const settled = () => {
          clearTimeout(limit);
          child.off('message', answered);
          child.off('exit', exited);
        };
        const answered = (outcome: RecalculationOutcome) => {
          settled();
          resolve(outcome);
        };
        const exited = (code: number | null) => {
          settled();
          reject(new Error(`The recalculation process exited (${code})`));
        };
        const limit = setTimeout(() => {
          settled();
          reject(new Error(`The recalculation did not finish within ${RUN_LIMIT_MS / 1_000} s`));
        }, RUN_LIMIT_MS);
        child.on('message', answered);
        child.once('exit', exited);
        child.send(request);
      }),
    stop: () => void child.kill(),
  };
}
