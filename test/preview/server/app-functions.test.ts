import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appFunctions } from '../../../preview/build/project.ts';
import { createFunctionRunner, serverlessCallSchema } from '../../../preview/server/app-functions.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/project');
const aCall = (overrides: object = {}) => serverlessCallSchema.parse({ parameters: { name: 'Dana' }, ...overrides });
const runner = async (readRecord = vi.fn(async () => ({ name: 'Acme Ltd' }))) => ({
  run: createFunctionRunner(await appFunctions(FIXTURE), readRecord),
  readRecord,
});

describe('running app functions in-process', () => {
  it("calls the function's main with the card's parameters and the shown record's properties", async () => {
    const { run, readRecord } = await runner();
    const answer = await run(
      'greet',
      aCall({ propertiesToSend: ['name'], record: { objectTypeId: '0-2', objectId: 42 } }),
    );
    expect(answer).toEqual({ greeting: 'Hello Dana from Acme Ltd' });
    expect(readRecord).toHaveBeenCalledWith('0-2', '42', ['name']);
  });

  it('reads no record when the card asks for no properties', async () => {
    const { run, readRecord } = await runner();
    expect(await run('greet', aCall({ record: { objectTypeId: '0-2', objectId: 42 } }))).toEqual({
      greeting: 'Hello Dana from no company',
    });
    expect(readRecord).not.toHaveBeenCalled();
  });

  it('names the known functions when a card calls an unknown uid', async () => {
    const { run } = await runner();
    await expect(run('grete', aCall())).rejects.toThrow(
      'No app function has the uid "grete" (the project has: broken, greet)',
    );
  });

  it('says which file lacks a main function', async () => {
    const { run } = await runner();
    await expect(run('broken', aCall())).rejects.toThrow(/broken\.ts does not export a main\(context\) function/);
  });

  it('refuses a call whose record id is not a positive number', () => {
    expect(serverlessCallSchema.safeParse({ record: { objectTypeId: '0-2', objectId: -1 } }).success).toBe(false);
  });
});
