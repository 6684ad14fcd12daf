import { describe, expect, it } from 'vitest';
import { createShareFormatter } from '../../../src/app/ui/format.ts';

const share = createShareFormatter('en-GB');

describe('a share as people read it beside the lines it is judged by', () => {
  it('shows a whole percentage where rounding keeps the share on its side of every line', () => {
    expect(share(0.375)).toBe('38%');
    expect(share(0.145)).toBe('15%');
    expect(share(0.6, 0.5)).toBe('60%');
    expect(createShareFormatter('de-DE')(0.8)).toBe('80\u00a0%');
  });

  it('never shows a share above none as 0%, nor one short of the whole as 100%', () => {
    expect(share(0.0048)).toBe('0.5%');
    expect(share(0.0004)).toBe('0.1%');
    expect(share(0.996)).toBe('99.6%');
    expect(share(0.99996)).toBe('99.9%');
    expect(share(0)).toBe('0%');
    expect(share(1)).toBe('100%');
  });

  it('shows a share under a warning below it, and one over it above it, where the whole percentage would not', () => {
    expect(share(0.496, 0.5)).toBe('49.6%');
    expect(share(0.4996, 0.5)).toBe('49.9%');
    expect(share(0.5044, 0.5)).toBe('50.4%');
    expect(share(0.50004, 0.5)).toBe('50.1%');
    expect(share(0.5, 0.5)).toBe('50%');
    expect(share(0.496)).toBe('50%');
    expect(createShareFormatter('de-DE')(0.496, 0.5)).toBe('49,6\u00a0%');
  });

  it('refuses a share that is not a fraction of 0 or more, and a warning outside 0 to 1', () => {
    expect(() => share(Number.NaN)).toThrow('A share must be a fraction of 0 or more, got NaN');
    expect(() => share(-0.1)).toThrow('A share must be a fraction of 0 or more, got -0.1');
    expect(() => share(0.4, 50)).toThrow('A warning share must be from 0 to 1, got 50');
  });
});
