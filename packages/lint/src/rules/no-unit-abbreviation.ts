import { defineRule } from '../rule.js';
import { familySpan, lowerWords } from './support/names.js';

/**
 * promlint's list (`s ms us ns sec b kb mb gb tb pb m h d`), plus `secs` and the C/Linux spellings
 * `msec`, `usec`, `nsec` (`struct timeval`'s `tv_usec`; redis_exporter's `redis_latency_percentiles_usec`).
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  s: 'seconds', ms: 'seconds', us: 'seconds', ns: 'seconds', sec: 'seconds', secs: 'seconds',
  msec: 'seconds', usec: 'seconds', nsec: 'seconds',
  b: 'bytes', kb: 'bytes', mb: 'bytes', gb: 'bytes', tb: 'bytes', pb: 'bytes',
  m: 'meters', h: 'seconds', d: 'seconds',
};

export default defineRule({
  code: 'OM210',
  name: 'no-unit-abbreviation',
  category: 'practice',
  severity: 'warning',
  description: 'Units in names should be spelled out',
  since: '0.1.0',
  sources: [{ kind: 'promlint', ref: 'LintUnitAbbreviations' }],
  fixable: false,
  requiresScrape: false,
  presets: ['recommended', 'strict', 'otel'],
  messages: { abbreviated: 'Metric name `{{name}}` contains the abbreviated unit `{{abbreviation}}`' },
  help: { abbreviated: 'Spell out the base unit: `{{unit}}`' },
  create(ctx) {
    return {
      MetricFamily(family) {
        const parts = lowerWords(family.name);
        const seen = new Set<string>();
        for (const part of parts.slice(1)) {
          const unit = ABBREVIATIONS[part];
          if (unit === undefined || seen.has(part)) continue;
          seen.add(part);
          ctx.report({ messageId: 'abbreviated', data: { name: family.name, abbreviation: part, unit }, span: familySpan(family) });
        }
      },
    };
  },
});
