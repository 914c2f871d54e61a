#!/usr/bin/env bash
# Installs the system packages the @omkit/fetch tests start as real servers on 127.0.0.1:
#   prometheus-node-exporter   (/usr/bin/prometheus-node-exporter, Prometheus text 0.0.4)
#   python3-prometheus-client  (for /usr/bin/python3, OpenMetrics when negotiated)
# Idempotent and quiet; run as root on Debian/Ubuntu. Does nothing when both are present.
set -euo pipefail

have_node_exporter() { [ -x /usr/bin/prometheus-node-exporter ]; }
have_python_client() { [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import prometheus_client' >/dev/null 2>&1; }

if have_node_exporter && have_python_client; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "ci-deps.sh: must run as root to install prometheus-node-exporter and python3-prometheus-client" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends prometheus-node-exporter python3-prometheus-client; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "ci-deps.sh: apt-get failed" >&2
  exit 1
fi

have_node_exporter || { echo "ci-deps.sh: /usr/bin/prometheus-node-exporter missing after install" >&2; exit 1; }
have_python_client || { echo "ci-deps.sh: prometheus_client not importable by /usr/bin/python3 after install" >&2; exit 1; }
