import { describe, expect, it } from 'vitest';
import {
  DERIVED_SOURCES,
  METRIC_CATALOGUE,
  PLAN_TEMPLATE_METRICS,
  catalogueMetric,
} from '../../../src/kam/objectives/index.ts';

describe('the metric catalogue and the account-plan template', () => {
  it("holds a client account plan's six rows in their order, each filled from HubSpot", () => {
    expect(PLAN_TEMPLATE_METRICS.map((metric) => catalogueMetric(metric)?.label)).toEqual([
      'Friends and allies',
      'Enemies and protesters',
      'Meetings per quarter',
      'New services used',
      'New opportunities secured',
      'Increase in income over last year',
    ]);
    expect(PLAN_TEMPLATE_METRICS.every((metric) => catalogueMetric(metric)?.source === metric)).toBe(true);
  });

  it('reads each derived row as its facts allow, income as money', () => {
    for (const entry of METRIC_CATALOGUE.filter((e) => e.source !== 'typed')) {
      const source = DERIVED_SOURCES[entry.source as keyof typeof DERIVED_SOURCES];
      expect(source.measures).toContain(entry.measure);
      expect(entry.unit).toBe(source.unit);
    }
    expect(catalogueMetric('income_increase')?.unit).toBe('currency');
    expect(catalogueMetric('enemies_and_protesters')?.measure).toBe('change');
  });

  it('says of every metric which way is good: fewer enemies, more of everything else', () => {
    expect(Object.fromEntries(METRIC_CATALOGUE.map((entry) => [entry.metric, entry.better]))).toEqual({
      friends_and_allies: 'higher',
      enemies_and_protesters: 'lower',
      meetings: 'higher',
      new_services: 'higher',
      new_opportunities: 'higher',
      income_increase: 'higher',
      relationship_health: 'higher',
    });
  });

  it('offers a qualitative row with named steps', () => {
    expect(catalogueMetric('relationship_health')).toMatchObject({
      unit: 'scale',
      scale: ['Cold', 'Cool', 'Warm', 'Strong'],
    });
  });
});
