import { useCallback, useEffect, useState } from 'react';
import { currentRecord, useExtensionContext } from './host.tsx';

export function useDebounce<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

// `useCrmProperties` from `@hubspot/ui-extensions/crm`: the shown record's properties, read from the
// sandbox as HubSpot reads them, in the signed-in user's own session (not with the app's token).
export function useCrmProperties(propertyNames: string[]) {
  const userId = useExtensionContext().user.id;
  const [state, setState] = useState<{
    properties: Record<string, string | null>;
    error: Error | null;
    isLoading: boolean;
    isRefetching: boolean;
  }>({
    properties: {},
    error: null,
    isLoading: true,
    isRefetching: false,
  });
  const names = propertyNames.join(',');
  const load = useCallback(async () => {
    const record = currentRecord();
    try {
      if (!record) throw new Error('The preview is not showing a CRM record');
      const response = await fetch(
        `/api/records/${record.objectTypeId}/${record.objectId}?properties=${encodeURIComponent(names)}&userId=${userId}`,
      );
      const body = (await response.json()) as
        | { ok: true; properties: Record<string, string | null> }
        | { ok: false; message: string };
      if (!body.ok) throw new Error(body.message);
      setState({ properties: body.properties, error: null, isLoading: false, isRefetching: false });
    } catch (error) {
      setState((previous) => ({ ...previous, error: error as Error, isLoading: false, isRefetching: false }));
    }
  }, [names, userId]);
  useEffect(() => {
    void load();
  }, [load]);
  const refetch = useCallback(async () => {
    setState((previous) => ({ ...previous, isRefetching: true }));
    await load();
  }, [load]);
  return { ...state, refetch };
}
