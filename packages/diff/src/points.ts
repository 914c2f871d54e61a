// The series a metric's samples are stored as, read through the parser's sample cursor (no object
// per sample). A sample of OpenMetrics 1.0 or Prometheus text is one series. An OpenMetrics 2.0
// composite sample is the series its data is stored as, named as the 1.0 samples the migration guide
// converts it to, so that a 1.0 histogram and the same data in 2.0 line up series by series:
// - classic buckets: `x_bucket{le="…"}` per bucket, then `x_count` and `x_sum` (a gauge histogram's
//   `x_gcount` and `x_gsum`), or neither when the Sum is NaN (what a 1.0 histogram without `_sum`
//   and `_count` converts to; its count is the `+Inf` bucket's);
// - a summary: `x{quantile="…"}` per quantile, then `x_count` and `x_sum`;
// - native buckets: ONE series `x{…}` holding the whole native histogram (count, sum, schema, zero
//   bucket and buckets), as Prometheus stores a native histogram; compared field by field;
// - a histogram with neither: `x_count` and `x_sum`;
// - a start timestamp `st@`: the `_created` sample it replaces (`x_total` → `x_created`), whose value
//   is the start timestamp (OM 2.0 §Sample, migration guide "Start timestamp").
import { samplesOf, type HistogramValue, type Label, type Metric, type MetricType } from '@omkit/parser';

const TOTAL = '_total';

/** How a number is written as an `le` / `quantile` label value (the form `canonicalFloat` gives). */
export function thresholdText(n: number): string {
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

/** The name of the `_created` sample an OM 2.0 start timestamp replaces. */
export function createdName(name: string, type: MetricType): string {
  const stem = type === 'counter' && name.endsWith(TOTAL) && name.length > TOTAL.length ? name.slice(0, -TOTAL.length) : name;
  return `${stem}_created`;
}

function withLabel(labels: readonly Label[], name: string, value: string): readonly Label[] {
  const out = labels.slice();
  out.push({ name, value });
  return out;
}

/**
 * The series of one metric, in parallel arrays (reused from metric to metric: `fill` empties them).
 * `sample[i]` is the index in the metric of the sample point `i` was read from (for its span).
 */
export class Points {
  count = 0;
  readonly names: string[] = [];
  readonly labels: (readonly Label[])[] = [];
  readonly values: number[] = [];
  readonly timestamps: (number | undefined)[] = [];
  /** The native histogram point `i` is, if it is one (its value is then the histogram's count). */
  readonly natives: (HistogramValue | undefined)[] = [];
  readonly samples: number[] = [];
  /** Populated native buckets of the metric (positive and negative, as its spans list them). */
  nativeBuckets = 0;

  /** Reads `metric` (of a family of `type`): its series replace the previous metric's. */
  fill(metric: Metric, type: MetricType): this {
    this.count = 0;
    this.nativeBuckets = 0;
    const c = samplesOf(metric);
    while (c.next()) {
      const composite = c.composite;
      const ts = c.timestamp;
      if (composite === undefined) {
        this.#push(c.name, c.labels, c.value, ts, undefined, c.index);
      } else if (composite.kind === 'summary') {
        for (const q of composite.quantiles) this.#push(c.name, withLabel(c.labels, 'quantile', thresholdText(q.quantile)), q.value, ts, undefined, c.index);
        this.#push(`${c.name}_count`, c.labels, composite.count, ts, undefined, c.index);
        this.#push(`${c.name}_sum`, c.labels, composite.sum, ts, undefined, c.index);
      } else {
        const gauge = composite.kind === 'gaugehistogram';
        const buckets = composite.buckets;
        if (buckets !== undefined) {
          for (const b of buckets) this.#push(`${c.name}_bucket`, withLabel(c.labels, 'le', thresholdText(b.le)), b.count, ts, undefined, c.index);
        }
        const native = composite.native;
        if (native !== undefined) {
          this.#push(c.name, c.labels, composite.count, ts, composite, c.index);
          this.nativeBuckets += native.positiveBuckets.length + native.negativeBuckets.length;
        }
        // A NaN Sum is what a 1.0 histogram without `_sum` (and so without `_count`: OM 1.0
        // §Histogram, both or neither) converts to; the count is then the `+Inf` bucket's.
        const unexposed = buckets !== undefined && Number.isNaN(composite.sum);
        if ((buckets !== undefined || native === undefined) && !unexposed) {
          this.#push(`${c.name}${gauge ? '_gcount' : '_count'}`, c.labels, composite.count, ts, undefined, c.index);
          this.#push(`${c.name}${gauge ? '_gsum' : '_sum'}`, c.labels, composite.sum, ts, undefined, c.index);
        }
      }
      if (c.startTimestamp !== undefined) this.#push(createdName(c.name, type), c.labels, c.startTimestamp, ts, undefined, c.index);
    }
    return this;
  }

  #push(name: string, labels: readonly Label[], value: number, timestamp: number | undefined, native: HistogramValue | undefined, sample: number): void {
    const i = this.count++;
    this.names[i] = name;
    this.labels[i] = labels;
    this.values[i] = value;
    this.timestamps[i] = timestamp;
    this.natives[i] = native;
    this.samples[i] = sample;
  }
}
