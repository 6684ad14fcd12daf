import { describe, expect, it } from 'vitest';
import { shownValue } from '../../../preview/app/property-display.ts';

describe("the preview record page's property values", () => {
  it('shows money in the portal currency and counts grouped, as HubSpot does', () => {
    expect(shownValue('69980000', 'money', 'GBP')).toBe('£69,980,000');
    expect(shownValue('69980000', 'money', null)).toBe('69,980,000');
    expect(shownValue('12514', 'count', 'GBP')).toBe('12,514');
  });

  it('names an option by its words, leaves text as it is, and shows a dash for no value', () => {
    expect(shownValue('COMPUTER_SOFTWARE', 'option', null)).toBe('Computer Software');
    expect(shownValue('acme.example', 'text', null)).toBe('acme.example');
    expect(shownValue('not a number', 'count', null)).toBe('not a number');
    expect(shownValue(null, 'money', 'GBP')).toBe('--');
  });
});
