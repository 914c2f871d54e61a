// @omkit/fetch/node: one place that hands inputs to the parser. A file (gzip read transparently),
// stdin, an http(s) URL, every target of a prometheus.yml job, a directory or a glob: each comes as
// the bytes it arrived in with the evidence of its format, whole or (above 64 MiB) streamed. Node
// only. The scraping half of the package (HTTP, TLS, YAML) is loaded only when a URL or a job is read.
export {
  decodeText,
  formatHints,
  isUrl,
  makeInput,
  openInputs,
  parseInput,
  readAllInputs,
  readInputs,
  STREAM_ABOVE,
  urlInput,
  type Input,
  type InputOptions,
  type Opened,
  type OpenOptions,
  type Outcome,
  type ReadOptions,
  type StreamedInput,
} from './inputs.js';
export { displayPath, expandTarget, EXPOSITION_EXTENSIONS, globRegExp, type FailedTarget } from './expand.js';
export { InputError } from './errors.js';
