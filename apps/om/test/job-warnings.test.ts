// What om does not do with a prometheus.yml job (service discovery, relabelling) is said on stderr,
// for the job asked for only.
import { describe, expect, it } from 'vitest';
import { run, tempDir } from './helpers.js';

describe('--prometheus-config warnings', () => {
  it('names the settings of the job that om does not apply, and leaves other jobs alone', async () => {
    const tmp = tempDir({
      'prometheus.yml': [
        'scrape_configs:',
        '  - job_name: app',
        '    relabel_configs:',
        '      - { source_labels: [__address__], target_label: x }',
        '    static_configs:',
        "      - targets: ['127.0.0.1:1']",
        '  - job_name: other',
        '    kubernetes_sd_configs: [{ role: pod }]',
        '',
      ].join('\n'),
    });
    try {
      const r = await run(['lint', '--prometheus-config', 'prometheus.yml', '--job', 'app', '--timeout', '2s'], { cwd: tmp.dir });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('om: warning: prometheus.yml: job "app": relabel_configs are not applied');
      expect(r.stderr).not.toContain('job "other"');
    } finally {
      tmp.cleanup();
    }
  });
});
