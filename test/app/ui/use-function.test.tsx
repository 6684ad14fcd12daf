import { Alert, Button, ErrorState, hubspot, LoadingSpinner, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKeystoneUi } from '../../../src/app/ui/keystone-ui.tsx';
import { deferred, withText } from './test-utils.ts';

const { useFunctionQuery, useFunctionAction, LoadFailed } = createKeystoneUi({
  hubspot,
  Alert,
  Button,
  ErrorState,
  LoadingSpinner,
  Text,
});

type Greeting = { status: 'ok'; greeting: string };

function GreetingProbe({ name }: { name: string }) {
  const { state, reload } = useFunctionQuery<Greeting>('greet', { name });
  if (state.status === 'success') return <Text>{state.answer.greeting}</Text>;
  if (state.status === 'error') return <LoadFailed title="No greeting" failure={state.failure} onRetry={reload} />;
  return <Text>{state.status}</Text>;
}

function SaveProbe() {
  const { state, run } = useFunctionAction<{ value: number }, Greeting>('save');
  return (
    <>
      <Button onClick={() => void run({ value: 1 })}>Save</Button>
      <Text>{state.status === 'error' ? state.failure.code : state.status}</Text>
    </>
  );
}

afterEach(() => vi.restoreAllMocks());

describe('loading a function answer', () => {
  it('shows loading, then the answer, calling the function with its parameters', async () => {
    const serverless = vi.spyOn(hubspot, 'serverless').mockResolvedValue({ status: 'ok', greeting: 'Hello Ada' });
    const { render, find, waitFor } = createRenderer('crm.record.tab');
    render(<GreetingProbe name="Ada" />);
    expect(find(Text).text).toBe('loading');
    await waitFor(() => expect(find(Text).text).toBe('Hello Ada'));
    expect(serverless).toHaveBeenCalledWith('greet', { parameters: { name: 'Ada' } });
  });

  it("shows the function's error message with a retry that calls it again", async () => {
    const serverless = vi
      .spyOn(hubspot, 'serverless')
      .mockResolvedValueOnce({ status: 'error', code: 'KAM.HUBSPOT_UNAVAILABLE', message: 'HubSpot did not respond.' })
      .mockResolvedValueOnce({ status: 'ok', greeting: 'Hello again' });
    const { render, find, waitFor } = createRenderer('crm.record.tab');
    render(<GreetingProbe name="Ada" />);
    await waitFor(() => expect(find(ErrorState).find(Text).text).toBe('HubSpot did not respond.'));
    find(Button, withText('Try again')).trigger('onClick');
    await waitFor(() => expect(find(Text).text).toBe('Hello again'));
    expect(serverless).toHaveBeenCalledTimes(2);
  });

  it('turns a rejected call into a failure the user can act on', async () => {
    vi.spyOn(hubspot, 'serverless').mockRejectedValue(new Error('socket hang up'));
    const { render, find, waitFor } = createRenderer('crm.record.tab');
    render(<GreetingProbe name="Ada" />);
    await waitFor(() => expect(find(ErrorState).find(Text).text).toMatch(/could not reach HubSpot/));
  });

  it('turns an answer without a Keystone status into a failure rather than showing garbage', async () => {
    vi.spyOn(hubspot, 'serverless').mockResolvedValue({ greeting: 'no status' });
    const { render, find, waitFor } = createRenderer('crm.record.tab');
    render(<GreetingProbe name="Ada" />);
    await waitFor(() => expect(find(ErrorState).find(Text).text).toMatch(/cannot read/));
  });

  it('ignores an answer that arrives after a newer call started', async () => {
    const slow = deferred<unknown>();
    const fast = deferred<unknown>();
    vi.spyOn(hubspot, 'serverless').mockReturnValueOnce(slow.promise).mockReturnValueOnce(fast.promise);
    const { render, find, waitFor } = createRenderer('crm.record.tab');
    render(<GreetingProbe name="Ada" />);
    render(<GreetingProbe name="Grace" />);
    fast.resolve({ status: 'ok', greeting: 'Hello Grace' });
    await waitFor(() => expect(find(Text).text).toBe('Hello Grace'));
    slow.resolve({ status: 'ok', greeting: 'Hello Ada' });
    await slow.promise;
    await new Promise((r) => setTimeout(r, 10));
    expect(find(Text).text).toBe('Hello Grace');
  });
});

describe('running a function the user starts', () => {
  it('stays idle until run, then reports loading and the outcome', async () => {
    const save = deferred<unknown>();
    const serverless = vi.spyOn(hubspot, 'serverless').mockReturnValue(save.promise);
    const { render, find, waitFor } = createRenderer('crm.record.tab');
    render(<SaveProbe />);
    expect(find(Text).text).toBe('idle');
    find(Button).trigger('onClick');
    await waitFor(() => expect(find(Text).text).toBe('loading'));
    save.resolve({ status: 'error', code: 'KAM.NOT_A_MANAGER', message: 'Only key account managers can do this.' });
    await waitFor(() => expect(find(Text).text).toBe('KAM.NOT_A_MANAGER'));
    expect(serverless).toHaveBeenCalledWith('save', { parameters: { value: 1 } });
  });
});

describe('reloading a function answer', () => {
  it('keeps the current answer on screen while the same call runs again, then shows the new one', async () => {
    const again = deferred<unknown>();
    vi.spyOn(hubspot, 'serverless')
      .mockResolvedValueOnce({ status: 'ok', greeting: 'Hello Ada' })
      .mockReturnValueOnce(again.promise);
    let reloadGreeting = () => {};
    function ReloadProbe() {
      const { state, reload } = useFunctionQuery<Greeting>('greet', { name: 'Ada' });
      reloadGreeting = reload;
      return <Text>{state.status === 'success' ? state.answer.greeting : state.status}</Text>;
    }
    const { render, find, waitFor } = createRenderer('crm.record.tab');
    render(<ReloadProbe />);
    await waitFor(() => expect(find(Text).text).toBe('Hello Ada'));
    reloadGreeting();
    await new Promise((r) => setTimeout(r, 10));
    expect(find(Text).text).toBe('Hello Ada');
    again.resolve({ status: 'ok', greeting: 'Hello again, Ada' });
    await waitFor(() => expect(find(Text).text).toBe('Hello again, Ada'));
  });
});
