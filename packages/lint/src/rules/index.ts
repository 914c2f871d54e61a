// THE registry: every rule, keyed by name, in code order. Codes are forever: a retired rule stays
// here as a tombstone comment (`// OM2xx old-name: removed in x.y.z`) and its code goes into
// `retiredCodes`; it is never reused. Codes below FIRST_RULE_CODE (catalog.ts) belong to @omkit/parser.
import type { AnyRule } from '../rule.js';
import histogramBucketLayout from './histogram-bucket-layout.js';
import quantileRange from './quantile-range.js';
import noConstantLabel from './no-constant-label.js';
import noReservedLabelName from './no-reserved-label-name.js';
import noReservedMetricName from './no-reserved-metric-name.js';
import noExplicitTimestamp from './no-explicit-timestamp.js';
import consistentLabelNames from './consistent-label-names.js';
import noUnknownType from './no-unknown-type.js';
import targetInfoFirst from './target-info-first.js';
import noSummaryQuantiles from './no-summary-quantiles.js';
import helpLength from './help-length.js';
import canonicalThreshold from './canonical-threshold.js';
import helpText from './help-text.js';
import counterTotalSuffix from './counter-total-suffix.js';
import noTotalSuffixOnNonCounter from './no-total-suffix-on-non-counter.js';
import noReservedSuffix from './no-reserved-suffix.js';
import noLeLabel from './no-le-label.js';
import noQuantileLabel from './no-quantile-label.js';
import noTypeInName from './no-type-in-name.js';
import noColonInName from './no-colon-in-name.js';
import snakeCaseName from './snake-case-name.js';
import snakeCaseLabel from './snake-case-label.js';
import noUnitAbbreviation from './no-unit-abbreviation.js';
import baseUnit from './base-unit.js';
import pluralUnit from './plural-unit.js';
import ratioNotPercent from './ratio-not-percent.js';
import totalAfterUnit from './total-after-unit.js';
import infoSuffix from './info-suffix.js';
import timestampSecondsSuffix from './timestamp-seconds-suffix.js';
import noLabelNameInMetricName from './no-label-name-in-metric-name.js';
import noStatusCodeInName from './no-status-code-in-name.js';
import applicationPrefix from './application-prefix.js';
import seriesCardinality from './series-cardinality.js';
import noIdLabelValue from './no-id-label-value.js';
import noEmptyLabelValue from './no-empty-label-value.js';
import noTargetLabel from './no-target-label.js';
import ratioRange from './ratio-range.js';
import singleUnit from './single-unit.js';
import noDuplicateSeries from './no-duplicate-series.js';
import otelTargetInfo from './otel-target-info.js';
import otelScopeLabels from './otel-scope-labels.js';
import otelUnit from './otel-unit.js';
import scrapeStatus from './scrape-status.js';
import contentType from './content-type.js';
import formatNegotiation from './format-negotiation.js';
import contentEncoding from './content-encoding.js';
import bodySize from './body-size.js';
import emptyBody from './empty-body.js';
import openmetricsEof from './openmetrics-eof.js';
import invalidUtf8 from './invalid-utf8.js';
import redirect from './redirect.js';
import insecureTls from './insecure-tls.js';
import credentialsOverHttp from './credentials-over-http.js';
import secretEchoed from './secret-echoed.js';
import authRetry from './auth-retry.js';

export const rules = {
  'histogram-bucket-layout': histogramBucketLayout, // OM150
  'quantile-range': quantileRange, // OM151
  'no-constant-label': noConstantLabel, // OM152
  'no-reserved-label-name': noReservedLabelName, // OM153
  'no-reserved-metric-name': noReservedMetricName, // OM154
  'no-explicit-timestamp': noExplicitTimestamp, // OM155
  'consistent-label-names': consistentLabelNames, // OM156
  'no-unknown-type': noUnknownType, // OM157
  'target-info-first': targetInfoFirst, // OM158
  'no-summary-quantiles': noSummaryQuantiles, // OM159
  'help-length': helpLength, // OM160
  'canonical-threshold': canonicalThreshold, // OM161
  'help-text': helpText, // OM200
  'counter-total-suffix': counterTotalSuffix, // OM201
  'no-total-suffix-on-non-counter': noTotalSuffixOnNonCounter, // OM202
  'no-reserved-suffix': noReservedSuffix, // OM203
  'no-le-label': noLeLabel, // OM204
  'no-quantile-label': noQuantileLabel, // OM205
  'no-type-in-name': noTypeInName, // OM206
  'no-colon-in-name': noColonInName, // OM207
  'snake-case-name': snakeCaseName, // OM208
  'snake-case-label': snakeCaseLabel, // OM209
  'no-unit-abbreviation': noUnitAbbreviation, // OM210
  'base-unit': baseUnit, // OM211
  'plural-unit': pluralUnit, // OM212
  'ratio-not-percent': ratioNotPercent, // OM213
  'total-after-unit': totalAfterUnit, // OM214
  'info-suffix': infoSuffix, // OM215
  'timestamp-seconds-suffix': timestampSecondsSuffix, // OM216
  'no-label-name-in-metric-name': noLabelNameInMetricName, // OM217
  'no-status-code-in-name': noStatusCodeInName, // OM218
  'application-prefix': applicationPrefix, // OM219
  'series-cardinality': seriesCardinality, // OM220
  'no-id-label-value': noIdLabelValue, // OM221
  'no-empty-label-value': noEmptyLabelValue, // OM222
  'no-target-label': noTargetLabel, // OM223
  'ratio-range': ratioRange, // OM224
  'single-unit': singleUnit, // OM225
  'no-duplicate-series': noDuplicateSeries, // OM226
  'otel-target-info': otelTargetInfo, // OM230
  'otel-scope-labels': otelScopeLabels, // OM231
  'otel-unit': otelUnit, // OM232
  'scrape-status': scrapeStatus, // OM300
  'content-type': contentType, // OM301
  'format-negotiation': formatNegotiation, // OM302
  'content-encoding': contentEncoding, // OM303
  'body-size': bodySize, // OM304
  'empty-body': emptyBody, // OM305
  'openmetrics-eof': openmetricsEof, // OM306
  'invalid-utf8': invalidUtf8, // OM307
  'redirect': redirect, // OM308
  'insecure-tls': insecureTls, // OM309
  'credentials-over-http': credentialsOverHttp, // OM310
  'secret-echoed': secretEchoed, // OM311
  'auth-retry': authRetry, // OM312
} as const satisfies Record<string, AnyRule>;

/** Codes of retired rules; never reuse them. */
export const retiredCodes: readonly string[] = [];

export type RuleName = keyof typeof rules;
