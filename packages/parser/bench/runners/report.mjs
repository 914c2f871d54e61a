// Shared by the Node runners: one JSON line on stdout with what the child measured itself.
// maxRSS (KiB) is the fallback for peak RSS when /usr/bin/time is not installed.
export const t0 = performance.now();

export function report(fields) {
  const out = { ...fields, ms: Math.round(performance.now() - t0), maxRSSKiB: process.resourceUsage().maxRSS };
  process.stdout.write(JSON.stringify(out) + '\n');
}
