// Places line records into metric families and checks what the grammar cannot see: grouping and
// ordering, metadata rules, and each type's structure (OM 1.0 §Data Model, §Metric Types,
// §MetricFamily). Prometheus text 0.0.4 gets its own, laxer rules, as Prometheus applies them.
// Holds one family at a time; finished families go to `emit`.
import { detach } from '../detach.js';
import type { Span } from '../diagnostic.js';
import { lineSpan, spanBetween } from '../position.js';
import { thresholdValue } from '../number.js';
import { descriptorLine, labelPair } from '../escaping.js';
import { DescriptorNode, FamilyNode, keyword, MetricNode, SampleStore } from './model.js';
import type { Carried, DescriptorRecord, ReportExtra, SampleRecord } from './records.js';
import { countsEvents, countsWhole, EXEMPLAR_LABELS_LIMIT, exemplarAllowed, isOpenMetrics, joinedFamily, partLabel, SAMPLE_SUFFIXES, type Code, type MessageId } from '../spec.js';
import { checkCountGoesUp, checkOm2Family, checkOm2Sample, type CounterPoint } from './check-om2.js';

/** Reports a problem at a span (families and points span several lines). */
export type SpanReporter = <C extends Code>(code: C, span: Span, id: MessageId<C>, extra?: ReportExtra) => void;
import type { Format, Label, MetricFamily, MetricType } from './types.js';

/** State of one Metric (label set) while its samples arrive. */
interface MetricState {
  node: MetricNode | undefined;
  timestamped: boolean | undefined;
  lastTimestamp: number;
  /** The metric's labels (without the part label), to recognise its next sample cheaply. */
  labels: readonly Label[];
  /** Sample identities (suffix + part label) seen in the current point, for duplicates. */
  firstIdentity: string | undefined;
  seen: Set<string> | undefined;
  point: HistogramPoint | undefined;
  /** The metric's series key within its family (see seriesKey). */
  key: string;
  /** Prometheus text: the last `quantile` of this summary metric, for their order. */
  lastQuantile: number | undefined;
  /**
   * OM 2.0 §StateSet: each state is a Metric of its own, with its own timestamps (a model metric is
   * the MetricGroup, as in 1.0): the timestamps of each state, by state.
   */
  states: Map<string, { timestamped: boolean | undefined; lastTimestamp: number }> | undefined;
  /** OM 2.0: the last count of this counter, histogram or summary metric, and its start timestamp. */
  lastCount: CounterPoint | undefined;
}

/** A histogram / gaugehistogram MetricPoint being checked (OM 1.0 §Histogram). */
interface HistogramPoint {
  timestamp: number | undefined;
  lastLe: number | undefined;
  lastBucketValue: number;
  count: number | undefined;
  hasSum: boolean;
  hasGsum: boolean;
  negativeBuckets: boolean;
  negativeGsum: boolean;
  startLine: number;
  startLineStart: number;
  start: number;
  endLine: number;
  endLineStart: number;
  end: number;
}

export interface AssemblerOptions {
  format: Format;
  /** Keep samples in the model (false: validate only). */
  model: boolean;
  report: SpanReporter;
  emit: (family: MetricFamily) => void;
  /** What earlier families left, when reading takes over after them (scan/certify.ts). */
  carried?: Carried;
}

export class Assembler {
  private readonly om: boolean;
  /** OpenMetrics 2.0: one sample per point, named as its family (checks: check-om2.ts). */
  private readonly om2: boolean;
  private readonly suffixes: Record<MetricType, readonly string[]>;
  private family: FamilyNode | undefined;
  private hasSamples = false;
  private metric: MetricState | undefined;
  private readonly seenMetricKeys = new Set<string>();
  /** Where the model's samples go (with `model`). */
  private readonly store: SampleStore | undefined;
  /** The label names of the family's first metric, in order: the order series keys are written in. */
  private keyOrder: readonly string[] | undefined;
  /** keyOrder as positions by name, made when a key has to be rendered. */
  private keyRanks: Map<string, number> | undefined;
  /** Every family name so far, with its type (Prometheus text routes `_sum` etc. by it). */
  private readonly familyTypes: Map<string, MetricType>;
  /** OM 1.0 §Suffixes: every sample name a finished family could produce. */
  private readonly claimedNames: Set<string>;
  private descriptorSpans: { keyword: string; span: Span }[] = [];
  /**
   * Prometheus text: the histogram points of the family by series key, checked when the family
   * closes. expfmt merges a histogram's lines by label set wherever they stand in the family, so a
   * point split by other series (OM123, only a warning there) is one point, not two halves.
   */
  private points: Map<string, HistogramPoint> | undefined;
  /** Prometheus text: this block continues a family seen before (OM103, a warning there). */
  private reopened = false;
  /** The suffix of the sample being placed, after its family's name (`_bucket`, `''`, …). */
  private suffix = '';
  /** The name of the last sample placed in the current family by name and suffix. */
  private placedName: string | undefined;
  /** The name of the last sample kept, reused by the next sample of the same name. */
  private lastName = '';
  /** Where the current family's first sample line starts. */
  private firstSampleLine = 0;
  private firstSampleLineStart = 0;
  /** The line being read. */
  private line = 0;
  private lineStart = 0;

  constructor(private readonly options: AssemblerOptions) {
    this.om = isOpenMetrics(options.format);
    this.om2 = options.format === 'openmetrics-2.0';
    this.suffixes = SAMPLE_SUFFIXES[options.format];
    this.familyTypes = options.carried?.familyTypes ?? new Map();
    this.claimedNames = options.carried?.claimedNames ?? new Set();
    this.store = options.model ? new SampleStore() : undefined;
  }

  /** `lineStart`: the offset where the record's line begins (before any blanks). */
  descriptor(record: DescriptorRecord, line: number, lineStart = record.start): void {
    this.line = line;
    this.lineStart = lineStart;
    let family = this.family;
    if (family === undefined || family.name !== record.name) {
      family = this.openFamily(record.name, record.start, record.end);
    } else if (this.hasSamples && (this.om || record.keyword === 'TYPE')) {
      // The fix moves the line to just before the family's first sample.
      const here = { line, start: lineStart };
      const before = { line: this.firstSampleLine, start: this.firstSampleLineStart };
      this.report('OM102', record.start, record.end, 'afterSamples', {
        data: { keyword: record.keyword, name: record.name },
        edits: {
          description: `move the ${record.keyword} line before the samples`,
          edits: [
            { span: lineSpan(before, before.start, before.start), text: `${descriptorLine(record, this.options.format)}\n` },
            { span: lineSpan(here, lineStart, record.end + 1), text: '' },
          ],
        },
      });
      return;
    }
    if (this.descriptorSpans.some((d) => d.keyword === record.keyword)) {
      this.report('OM101', record.start, record.end, 'second', { data: { keyword: record.keyword, name: record.name } });
      return;
    }
    this.descriptorSpans.push({ keyword: record.keyword, span: lineSpan({ line, start: lineStart }, record.start, record.end) });
    family.cover(line, lineStart, record.start, record.end);
    // The keyword and (as written the same) the family's name are strings the model has already.
    const name = record.name === family.name ? family.name : record.name;
    family.addDescriptor(new DescriptorNode(keyword(record.keyword), name, record.value, line, lineStart, record.start, record.end));
    if (record.keyword === 'TYPE') {
      family.type = record.type!;
      family.typeDeclared = true;
      this.familyTypes.set(detach(family.name), family.type);
    } else if (record.value !== '') {
      // OM 1.0 §MetricFamily metadata: an empty HELP or UNIT is as if there were none.
      if (record.keyword === 'HELP') family.help = record.value;
      else family.unit = record.value;
    }
  }

  sample(record: SampleRecord, line: number, lineStart = record.start): void {
    this.line = line;
    this.lineStart = lineStart;
    const family = this.familyFor(record);
    if (!this.hasSamples) {
      this.firstSampleLine = line;
      this.firstSampleLineStart = lineStart;
    }
    this.hasSamples = true;
    family.cover(line, lineStart, record.start, record.end);
    const suffix = this.suffix;
    const partLabel = this.partLabel(family, suffix);
    const fresh = this.metric === undefined || !sameMetric(this.metric.labels, record.labels, partLabel);
    if (fresh) this.newMetric(family, record, partLabel);
    const metric = this.metric!;
    if (this.om2) {
      const part = partLabel === undefined ? undefined : record.labels.find((l) => l.name === partLabel)?.value;
      if (part === undefined) this.checkTimestamp(metric, record);
      else {
        let state = (metric.states ??= new Map()).get(part);
        if (state === undefined) metric.states.set(part, (state = { timestamped: undefined, lastTimestamp: -Infinity }));
        this.checkTimestamp(state, record);
      }
      this.checkRepeat(metric, suffix, part, record);
      checkOm2Sample(family.type, family.name, record, fresh, this.lineReport);
      metric.lastCount = checkCountGoesUp(family.type, record, metric.lastCount, this.lineReport);
    } else {
      this.checkTimestamp(metric, record);
      if (this.om) this.checkSample(family, suffix, partLabel, record, metric);
      else this.checkPrometheusSample(family, suffix, partLabel, record, metric);
    }

    if (metric.node !== undefined) {
      // A repeated name shares one string; the metric keeps its samples as rows of the store's
      // columns, sharing its label objects (ast/model.ts).
      if (record.name === this.lastName) record.name = this.lastName;
      else this.lastName = record.name;
      metric.node.append(
        this.store!,
        record.name,
        record.labels,
        partLabel,
        record.value,
        record.timestamp,
        record.exemplar,
        line,
        lineStart,
        record.start,
        record.end,
        record.startTimestamp,
        record.composite,
        record.exemplars,
      );
    }
  }

  private newMetric(family: FamilyNode, record: SampleRecord, partLabel: string | undefined): void {
    this.closeMetric();
    const labels = withoutLabel(record.labels, partLabel);
    const key = this.seriesKey(record, labels, partLabel);
    const known = this.seenMetricKeys.size;
    this.seenMetricKeys.add(key);
    if (this.seenMetricKeys.size === known) {
      const shown = labels.map((l) => `${l.name}=${JSON.stringify(l.value)}`).join(',');
      this.report('OM123', record.start, record.end, 'split', {
        data: { series: `${family.name}{${shown}}` },
        severity: this.om ? 'error' : 'warning',
      });
    }
    const node = this.options.model ? new MetricNode(labels) : undefined;
    if (node !== undefined) family.addMetric(node);
    // One state object, reset per metric: most metrics are a single sample.
    const state = (this.metric ??= {} as MetricState);
    state.node = node;
    state.labels = labels;
    state.key = key;
    state.timestamped = undefined;
    state.lastTimestamp = -Infinity;
    state.firstIdentity = undefined;
    state.seen = undefined;
    // Prometheus text: a histogram series split by others goes on with the point it began.
    state.point = this.points?.get(key);
    state.lastQuantile = undefined;
    state.states = undefined;
    state.lastCount = undefined;
  }

  /**
   * The identity of a Metric's label set within the family, whatever order its labels are written
   * in (OM 1.0 §MetricFamily: every Metric MUST have a unique LabelSet): `name="value",…` in the
   * order of the family's first metric, other names after them by name. A set written in that
   * order without escapes is its own text, cut from the line; the rest are rendered.
   */
  private seriesKey(record: SampleRecord, labels: readonly Label[], partLabel: string | undefined): string {
    const order = (this.keyOrder ??= labels.map((l) => l.name));
    if (inOrder(labels, order)) {
      const text = canonicalKey(record, labels, partLabel);
      if (text !== undefined) return text;
    }
    this.keyRanks ??= new Map(order.map((name, i) => [name, i]));
    return renderKey(labels, this.keyRanks);
  }

  /** Closes the last family. */
  finish(): void {
    this.closeFamily();
  }

  // ---- families ----

  private familyFor(record: SampleRecord): FamilyNode {
    const family = this.family;
    // Consecutive samples mostly share their name (the fast path even reuses the string).
    if (record.name === this.placedName && family !== undefined) return family;
    if (family !== undefined && record.name.startsWith(family.name)) {
      const suffix = knownSuffix(record.name, family.name.length, this.suffixes[family.type]);
      if (suffix !== undefined) {
        this.suffix = suffix;
        this.placedName = record.name;
        return family;
      }
      if (record.name.length === family.name.length && this.om) {
        this.suffix = '';
        this.report('OM107', record.start, record.start + record.name.length, 'noSuchSample', {
          data: { type: family.type, name: record.name, names: this.suffixes[family.type].map((s) => `\`${family.name}${s}\``).join(', ') },
        });
        return family;
      }
    }
    if (!this.om) {
      // Prometheus text (expfmt): `_sum`/`_count`/`_bucket` join a typed summary or histogram.
      const name = joinedFamily(record.name, this.familyTypes);
      if (name !== undefined && family?.name !== name) {
        this.suffix = record.name.slice(name.length);
        return this.openFamily(name, record.start, record.end);
      }
    }
    this.suffix = '';
    return this.openFamily(record.name, record.start, record.end);
  }

  private openFamily(name: string, start: number, end: number): FamilyNode {
    this.closeFamily();
    const reopened = this.familyTypes.has(name);
    if (reopened) {
      this.report('OM103', start, end, 'again', {
        data: { name },
        severity: this.om ? 'error' : 'warning',
      });
    } else this.familyTypes.set(detach(name), 'unknown');
    this.reopened = reopened;
    const family = new FamilyNode(name);
    this.family = family;
    this.placedName = undefined;
    this.hasSamples = false;
    this.descriptorSpans = [];
    this.keyOrder = undefined;
    this.keyRanks = undefined;
    return family;
  }

  private closeFamily(): void {
    const family = this.family;
    if (family === undefined) return;
    this.closeMetric();
    this.metric = undefined;
    this.seenMetricKeys.clear();
    if (this.points !== undefined) {
      // Prometheus text: each histogram point once all its lines are in. A block that continues a
      // family seen before (OM103) may hold only part of its points (its `_count` after the
      // buckets, say), so it is not judged by itself.
      if (!this.reopened) for (const point of this.points.values()) this.closePoint(point);
      this.points = undefined;
    }
    if (this.om) this.checkFamily(family);
    this.family = undefined;
    this.options.emit(family);
  }

  private checkFamily(family: FamilyNode): void {
    const span = this.descriptorSpans[0]?.span ?? family.span;
    if (this.om2) {
      // OM 2.0: names are unique (OM103), no suffixes to clash (OM104), the unit suffix a SHOULD
      // (OM105); an info or stateset still has no unit (OM106). Choices: spec.ts.
      checkOm2Family(family, (code, id, extra) => this.reportSpan(code, span, id, extra));
      const unit = this.descriptorSpans.find((d) => d.keyword === 'UNIT');
      if (family.unit !== undefined && unit !== undefined && (family.type === 'info' || family.type === 'stateset')) {
        this.reportSpan('OM106', unit.span, 'noUnit', { data: { type: family.type } });
      }
      return;
    }
    for (const suffix of new Set(['', ...this.suffixes[family.type]])) {
      const name = family.name + suffix;
      if (this.claimedNames.has(name)) {
        this.reportSpan('OM104', span, 'clash', { data: { name } });
      }
      this.claimedNames.add(detach(name));
    }
    const unit = this.descriptorSpans.find((d) => d.keyword === 'UNIT');
    if (family.unit !== undefined && unit !== undefined) {
      if (!family.name.endsWith(`_${family.unit}`)) {
        this.reportSpan('OM105', unit.span, 'notSuffix', { data: { unit: family.unit, name: family.name } });
      }
      if (family.type === 'info' || family.type === 'stateset') {
        this.reportSpan('OM106', unit.span, 'noUnit', { data: { type: family.type } });
      }
    }
  }

  // ---- metrics and points ----

  private partLabel(family: FamilyNode, suffix: string): string | undefined {
    // OM 2.0: a histogram's or summary's point is one sample; a stateset's states are told apart
    // by the family-named label as in 1.0 (one 2.0 Metric per state, one model metric per group).
    if (this.om2 && family.type !== 'stateset') return undefined;
    return partLabel(family.type, suffix, family.name);
  }

  private closeMetric(): void {
    // Prometheus text checks its points when the family closes (see `points`).
    const point = this.metric?.point;
    if (point !== undefined && this.om) this.closePoint(point);
  }

  private checkTimestamp(
    metric: Pick<MetricState, 'timestamped' | 'lastTimestamp'> & Partial<Pick<MetricState, 'firstIdentity' | 'seen'>>,
    record: SampleRecord,
  ): void {
    const timestamped = record.timestamp !== undefined;
    if (metric.timestamped === undefined) metric.timestamped = timestamped;
    else if (metric.timestamped !== timestamped) {
      if (this.om) this.report('OM124', record.start, record.end, 'mixed');
      return;
    }
    if (!timestamped) return;
    if (record.timestamp! < metric.lastTimestamp) {
      if (this.om) this.report('OM125', record.start, record.end, 'backwards');
    } else if (record.timestamp! > metric.lastTimestamp) {
      metric.firstIdentity = undefined;
      metric.seen = undefined;
    }
    metric.lastTimestamp = record.timestamp!;
  }

  /** OM126: a sample without a timestamp that repeats one of its point (suffix and part label). */
  private checkRepeat(metric: MetricState, suffix: string, part: string | undefined, record: SampleRecord): void {
    if (record.timestamp !== undefined) return;
    const identity = part === undefined ? suffix : `${suffix}\u0000${part}`;
    if (metric.firstIdentity === undefined) metric.firstIdentity = identity;
    else {
      metric.seen ??= new Set([metric.firstIdentity]);
      if (metric.seen.has(identity)) {
        this.report('OM126', record.start, record.end, 'repeated', { data: { name: record.name } });
      }
      metric.seen.add(identity);
    }
  }

  /** `report` as check-om2.ts calls it. */
  private readonly lineReport = <C extends Code>(code: C, start: number, end: number, id: MessageId<C>, extra?: ReportExtra): void =>
    this.report(code, start, end, id, extra);

  private checkSample(
    family: FamilyNode,
    suffix: string,
    partLabel: string | undefined,
    record: SampleRecord,
    metric: MetricState,
  ): void {
    const type = family.type;
    const value = record.value;
    const at = record;
    let part: string | undefined;
    if (partLabel !== undefined) {
      const labels = record.labels;
      for (let i = labels.length - 1; i >= 0; i--) {
        if (labels[i]!.name === partLabel) {
          part = labels[i]!.value;
          break;
        }
      }
      if (part === undefined) {
        this.report('OM108', at.start, at.end, 'missingLabel', { data: { type, name: record.name, label: partLabel } });
      }
    }
    // A repeated bucket is already a bucket not above the one before it (OM115).
    if (suffix !== '_bucket') this.checkRepeat(metric, suffix, part, record);

    const counterLike = countsEvents(type, suffix);
    if (counterLike && (Number.isNaN(value) || value < 0)) {
      this.report('OM110', at.start, at.end, Number.isNaN(value) ? 'nan' : 'negative', {
        data: { name: record.name },
      });
    }
    if (type === 'gaugehistogram' && suffix === '_gsum' && Number.isNaN(value)) {
      this.report('OM110', at.start, at.end, 'gsumNan', { data: { name: record.name } });
    }
    if (countsWhole(type, suffix) && Number.isFinite(value) && !Number.isInteger(value)) {
      this.report('OM111', at.start, at.end, 'notInteger', { data: { name: record.name } });
    }

    switch (type) {
      case 'info':
        if (value !== 1) this.report('OM112', at.start, at.end, 'notOne', { data: { value: record.value } });
        break;
      case 'stateset':
        if (value !== 0 && value !== 1) {
          this.report('OM113', at.start, at.end, 'notBoolean', { data: { value: record.value } });
        }
        break;
      case 'summary':
        if (suffix === '' && part !== undefined) {
          const q = thresholdValue(part, 'openmetrics');
          if (q === undefined || !(q >= 0 && q <= 1)) {
            this.report('OM109', at.start, at.end, 'quantileRange', { data: { value: part } });
          }
          if (value < 0) this.report('OM127', at.start, at.end, 'negative');
        }
        break;
      case 'histogram':
      case 'gaugehistogram':
        this.checkHistogramSample(suffix, part, record, metric);
        break;
    }

    const exemplar = record.exemplar;
    if (exemplar !== undefined) {
      if (!exemplarAllowed(type, suffix)) {
        this.report('OM120', exemplar.start, exemplar.end, 'notAllowed', { data: { name: record.name } });
      }
      let length = 0;
      for (const label of exemplar.labels) length += codePoints(label.name) + codePoints(label.value);
      if (length > EXEMPLAR_LABELS_LIMIT) {
        this.report('OM121', exemplar.start, exemplar.end, 'tooLong', {
          data: { length },
          expected: `at most ${EXEMPLAR_LABELS_LIMIT}`,
          actual: String(length),
        });
      }
    }
  }

  private checkHistogramSample(
    suffix: string,
    le: string | undefined,
    record: SampleRecord,
    metric: MetricState,
  ): void {
    let point = metric.point;
    // OpenMetrics: a MetricPoint per timestamp (OM 1.0 §Metric). Prometheus text has no such
    // notion: a histogram's lines make one point, whatever timestamps they carry (expfmt).
    if (point === undefined || (this.om && point.timestamp !== record.timestamp)) {
      if (point !== undefined) this.closePoint(point);
      point = {
        timestamp: record.timestamp,
        lastLe: undefined,
        lastBucketValue: 0,
        count: undefined,
        hasSum: false,
        hasGsum: false,
        negativeBuckets: false,
        negativeGsum: false,
        startLine: this.line,
        startLineStart: this.lineStart,
        start: record.start,
        endLine: this.line,
        endLineStart: this.lineStart,
        end: record.end,
      };
      metric.point = point;
      if (!this.om) (this.points ??= new Map()).set(metric.key, point);
    }
    point.endLine = this.line;
    point.endLineStart = this.lineStart;
    point.end = record.end;
    if (suffix === '_bucket') {
      if (le === undefined) return;
      const threshold = thresholdValue(le, this.options.format);
      if (threshold === undefined) {
        // Prometheus text: checkPrometheusSample has reported it already.
        if (this.om) {
          this.report('OM109', record.start, record.end, 'notThreshold', { data: { value: le } });
        }
        return;
      }
      // Prometheus text spells NaN as a number; expfmt drops a bucket whose `le` is NaN, so it
      // takes no part in the order.
      if (Number.isNaN(threshold)) return;
      if (threshold < 0) point.negativeBuckets = true;
      // OM 1.0 §Histogram: thresholds increase. Prometheus text 0.0.4 (Histograms and summaries):
      // "the buckets of a histogram … must appear in increasing numerical order" of `le`.
      if (point.lastLe !== undefined && threshold <= point.lastLe) {
        this.report('OM115', record.start, record.end, this.om ? 'notAbove' : 'notAboveText', { data: { le } });
      }
      // OM 1.0 §Histogram: buckets MUST be cumulative. Prometheus text 0.0.4 does not say it in
      // its format text, but its buckets are cumulative counters all the same (Prometheus docs,
      // Metric types: Histogram; client_model `Bucket.cumulative_count`), and Prometheus'
      // histogram_quantile() has to "fix" non-monotonic buckets, so it is an error in both.
      // The first bucket has none before it (a negative one is OM110's).
      if (point.lastLe !== undefined && record.value < point.lastBucketValue) {
        this.report('OM116', record.start, record.end, this.om ? 'countsLess' : 'countsLessText', { data: { le } });
      }
      const exemplar = record.exemplar;
      if (exemplar !== undefined && exemplar.value > threshold) {
        this.report('OM122', exemplar.start, exemplar.end, 'aboveBucket', { data: { value: exemplar.value, le } });
      }
      point.lastLe = threshold;
      point.lastBucketValue = record.value;
    } else if (suffix === '_count' || suffix === '_gcount') point.count = record.value;
    else if (suffix === '_sum') point.hasSum = true;
    else if (suffix === '_gsum') {
      point.hasGsum = true;
      if (record.value < 0) point.negativeGsum = true;
    }
  }

  private closePoint(point: HistogramPoint): void {
    const om = this.om;
    const problem =
      point.lastLe !== Infinity ||
      (point.count !== undefined && point.count !== point.lastBucketValue) ||
      (om && ((point.hasSum || point.hasGsum) !== (point.count !== undefined) || (point.negativeBuckets ? point.hasSum : point.negativeGsum)));
    if (!problem) return;
    const span = spanBetween(
      { line: point.startLine, start: point.startLineStart },
      point.start,
      { line: point.endLine, start: point.endLineStart },
      point.end,
    );
    const name = this.family!.name;
    // OM 1.0 §Histogram: one bucket with an +Inf threshold, counting every event (== Count).
    // Prometheus text 0.0.4 (Histograms and summaries): "A histogram must have a bucket with
    // {le="+Inf"}. Its value must be identical to the value of x_count." Both say it of every
    // histogram, `_count` or not.
    if (point.lastLe !== Infinity) {
      this.reportSpan('OM114', span, om ? 'noInfBucket' : 'noInfBucketText', { data: { name } });
    } else if (point.count !== undefined && point.count !== point.lastBucketValue) {
      this.reportSpan('OM117', span, om ? 'countMismatch' : 'countMismatchText', {
        data: { count: point.count, bucket: point.lastBucketValue },
      });
    }
    // The rest is OpenMetrics only. Prometheus text 0.0.4 asks for no `_sum`/`_count` pair (a
    // histogram of buckets alone is valid there), and says nothing of sums with negative buckets.
    if (!om) return;
    if ((point.hasSum || point.hasGsum) && point.count === undefined) {
      this.reportSpan('OM118', span, 'sumWithoutCount', { data: { name } });
    } else if (point.count !== undefined && !point.hasSum && !point.hasGsum) {
      this.reportSpan('OM118', span, 'countWithoutSum', { data: { name } });
    }
    if (point.negativeBuckets && point.hasSum) {
      this.reportSpan('OM119', span, 'sumWithNegativeBuckets', { data: { name } });
    } else if (!point.negativeBuckets && point.negativeGsum) {
      this.reportSpan('OM119', span, 'negativeSum', { data: { name } });
    }
  }

  /**
   * Prometheus text 0.0.4 (Prometheus exposition formats: Histograms and summaries), as expfmt and
   * Prometheus read it. Each check is one that text or its readers require; nothing more:
   * - `le` / `quantile` present and a Go float (expfmt: "expected float as value for 'le' label");
   * - histogram buckets and `_count` not negative (expfmt: "negative bucket population" and
   *   "negative count for histogram"); NaN and non-integer counts are read (a float histogram),
   *   so they are not flagged, unlike OpenMetrics (OM110, OM111);
   * - bucket order, cumulative buckets, the `+Inf` bucket and `_count` = `+Inf` (checkHistogramSample);
   * - summary quantiles in increasing order ("the quantiles of a summary must appear in increasing
   *   numerical order"), which OpenMetrics does not ask (OM 1.0 §Summary: any order);
   * - not checked: `_sum` and `_count` as a pair (both optional), quantile range and negative
   *   quantile values (no MUST in 0.0.4; lint's quantile-range covers the range), exemplars and
   *   `_created` (they do not exist in 0.0.4), gauge histograms (no such type in 0.0.4).
   */
  private checkPrometheusSample(
    family: FamilyNode,
    suffix: string,
    partLabel: string | undefined,
    record: SampleRecord,
    metric: MetricState,
  ): void {
    const type = family.type;
    if (type !== 'histogram' && type !== 'summary') return;
    let part: string | undefined;
    if (partLabel === 'le' || partLabel === 'quantile') {
      part = record.labels.find((l) => l.name === partLabel)?.value;
      if (part === undefined) {
        this.report('OM108', record.start, record.end, 'missingLabel', { data: { type, name: record.name, label: partLabel } });
      } else if (thresholdValue(part, 'prometheus') === undefined) {
        this.report('OM109', record.start, record.end, 'notNumber', { data: { label: partLabel, value: part } });
        part = undefined;
      }
    }
    if (type === 'histogram') {
      if ((suffix === '_bucket' || suffix === '_count') && record.value < 0) {
        this.report('OM110', record.start, record.end, 'negativeBucket', { data: { name: record.name } });
      }
      this.checkHistogramSample(suffix, part, record, metric);
    } else if (suffix === '' && part !== undefined) {
      const q = thresholdValue(part, 'prometheus')!;
      if (!Number.isNaN(q)) {
        if (metric.lastQuantile !== undefined && q <= metric.lastQuantile) {
          this.report('OM128', record.start, record.end, 'notAbove', { data: { value: part } });
        }
        metric.lastQuantile = q;
      }
    }
  }

  /** A problem on the line being read (`start`/`end` absolute offsets within it). */
  private report<C extends Code>(code: C, start: number, end: number, id: MessageId<C>, extra?: ReportExtra): void {
    this.options.report(code, lineSpan({ line: this.line, start: this.lineStart }, start, end), id, extra);
  }

  private reportSpan<C extends Code>(code: C, span: Span, id: MessageId<C>, extra?: ReportExtra): void {
    this.options.report(code, span, id, extra);
  }
}

/** The labels without the point's part label (`le`, `quantile`, the stateset label). */
function withoutLabel(all: readonly Label[], partLabel: string | undefined): readonly Label[] {
  if (partLabel === undefined) return all;
  const i = all.findIndex((l) => l.name === partLabel);
  return i === -1 ? all : all.filter((_, j) => j !== i);
}

/** The suffix of `name` after `baseLength` characters if it is one of `suffixes` (that string). */
function knownSuffix(name: string, baseLength: number, suffixes: readonly string[]): string | undefined {
  const length = name.length - baseLength;
  for (const suffix of suffixes) if (suffix.length === length && name.endsWith(suffix)) return suffix;
  return undefined;
}

/** Whether a sample's labels, without its part label, are the metric's labels in the same order. */
function sameMetric(metric: readonly Label[], all: readonly Label[], partLabel: string | undefined): boolean {
  let j = 0;
  for (let i = 0; i < all.length; i++) {
    const label = all[i]!;
    if (label.name === partLabel) continue;
    const other = metric[j++];
    if (other === undefined || other.name !== label.name || other.value !== label.value) return false;
  }
  return j === metric.length;
}

/** Whether the labels have exactly these names in this order. */
function inOrder(labels: readonly Label[], order: readonly string[]): boolean {
  if (labels.length !== order.length) return false;
  for (let i = 0; i < labels.length; i++) if (labels[i]!.name !== order[i]) return false;
  return true;
}

/**
 * A label set as the text writes it plainly (serialize's `name="value"` pairs, joined by commas) in
 * the order `ranks` gives, then the names it does not know, by name.
 */
function renderKey(labels: readonly Label[], ranks: ReadonlyMap<string, number>): string {
  const ranked = labels.map((label) => ({ label, rank: ranks.get(label.name) ?? ranks.size }));
  ranked.sort((a, b) => a.rank - b.rank || (a.label.name < b.label.name ? -1 : a.label.name > b.label.name ? 1 : 0));
  return ranked.map(({ label }) => labelPair(label)).join(',');
}

/**
 * The identity cut from the line's own text when it is plain (no escapes), without building it:
 * the whole set, or the set with a first or last part label (`le`) removed. Such a set is
 * recognised again when it is written again in the same order.
 */
function canonicalKey(record: SampleRecord, labels: readonly Label[], partLabel: string | undefined): string | undefined {
  const text = record.labelsText;
  if (text === undefined) return undefined;
  if (labels === record.labels) return text;
  const all = record.labels;
  const part = all.length === labels.length + 1 ? all.find((l) => l.name === partLabel) : undefined;
  if (part === undefined) return undefined;
  const segment = part.name.length + part.value.length + 3;
  if (all[all.length - 1] === part) return text.slice(0, Math.max(0, text.length - segment - 1));
  if (all[0] === part) return text.slice(segment + 1);
  return undefined;
}

function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}
