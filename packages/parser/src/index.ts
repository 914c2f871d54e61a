export type { Category, Diagnostic, Edit, Fix, Position, Severity, Span } from './diagnostic.js';
export type {
  Descriptor,
  Exemplar,
  Format,
  Label,
  Metric,
  MetricFamily,
  MetricType,
  ParseResult,
  Sample,
} from './ast/types.js';
