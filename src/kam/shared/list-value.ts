/** The values of a semicolon-separated list, as HubSpot stores a multi-select and Keystone a topic list; none for none. */
export function splitList(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
