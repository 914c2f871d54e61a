import { defineRule } from '../rule.js';

/** OpenTelemetry (UCUM) unit → Prometheus unit word (otlptranslator unitMap), then the base unit. */
const OTEL_UNITS: Readonly<Record<string, string>> = {
  d: 'seconds (from days)', h: 'seconds (from hours)', min: 'seconds (from minutes)',
  s: 'seconds', ms: 'seconds (from milliseconds)', us: 'seconds (from microseconds)', ns: 'seconds (from nanoseconds)',
  By: 'bytes', KiBy: 'bytes (from kibibytes)', MiBy: 'bytes (from mebibytes)', GiBy: 'bytes (from gibibytes)', TiBy: 'bytes (from tebibytes)',
  KBy: 'bytes (from kilobytes)', MBy: 'bytes (from megabytes)', GBy: 'bytes (from gigabytes)', TBy: 'bytes (from terabytes)',
  m: 'meters', V: 'volts', A: 'amperes', J: 'joules', W: 'watts', g: 'grams', Cel: 'celsius', Hz: 'hertz',
  '1': 'ratio (for a gauge) or no unit', '%': 'ratio (values 0–1)',
};

export default defineRule({
  code: 'OM232',
  name: 'otel-unit',
  category: 'practice',
  severity: 'warning',
  description: '`# UNIT` should be a Prometheus unit word, not an OpenTelemetry/UCUM code',
  since: '0.1.0',
  sources: [
    { kind: 'otel', ref: 'otlptranslator metric_namer.go unitMap' },
    { kind: 'naming-guide', ref: 'Base units' },
  ],
  fixable: false,
  requiresScrape: false,
  presets: ['otel'],
  messages: {
    otelUnit: 'Unit `{{unit}}` of `{{name}}` is an OpenTelemetry unit code',
    annotation: 'Unit `{{unit}}` of `{{name}}` is a UCUM annotation, not a unit',
  },
  help: {
    otelUnit: 'Use the Prometheus unit: {{suggestion}}',
    annotation: 'Drop the unit; put the counted thing in the name (e.g. `…_packets_total`)',
  },
  create(ctx) {
    return {
      MetricFamily(family) {
        const unit = family.unit;
        if (unit === undefined) return;
        const span = family.descriptors.find((d) => d.kind === 'UNIT')?.span ?? family.span;
        if (/^\{.*\}$/.test(unit)) {
          ctx.report({ messageId: 'annotation', data: { unit, name: family.name }, span });
          return;
        }
        const suggestion = OTEL_UNITS[unit];
        if (suggestion !== undefined)
          ctx.report({ messageId: 'otelUnit', data: { unit, name: family.name, suggestion }, span });
      },
    };
  },
});
