#!/usr/bin/env bash
# Regenerates packages/lint/test/fixtures/exporters/: the /metrics of real exporters from Debian
# packages, each run bound to 127.0.0.1 on a free port with its state in a temporary directory,
# scraped with curl as Prometheus text 0.0.4 (<name>.prom) and as OpenMetrics 1.0.0 (<name>.om, only
# when the exporter answers with OpenMetrics), and a README.md saying what was run.
#
# Needs (as root): apt-get install --no-install-recommends prometheus prometheus-alertmanager
#   prometheus-pushgateway prometheus-blackbox-exporter prometheus-process-exporter
#   prometheus-node-exporter prometheus-snmp-exporter prometheus-exporter-exporter
#   prometheus-ipmi-exporter prometheus-redis-exporter redis-server prometheus-postfix-exporter
#   prometheus-tplink-plug-exporter python3-prometheus-client curl
# Usage: scripts/capture-exporters.sh [name...]   (default: every exporter)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/packages/lint/test/fixtures/exporters"
mkdir -p "$out"
tmp=$(mktemp -d)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

PROM_ACCEPT='text/plain;version=0.0.4'
OM_ACCEPT='application/openmetrics-text;version=1.0.0'

free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_up URL: until the URL answers 200 (10 s at most).
wait_up() {
  local i
  for i in $(seq 1 100); do
    if curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "capture-exporters: $1 did not come up" >&2
  return 1
}

# start NAME CMD...: runs CMD in the background, its output in $tmp/NAME.log.
start() {
  local name=$1
  shift
  "$@" >"$tmp/$name.log" 2>&1 &
  pids+=("$!")
}

stop_last() {
  local pid=${pids[-1]}
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset 'pids[-1]'
}

manifest="$tmp/manifest.md"
: >"$manifest"

# capture NAME URL PACKAGE COMMAND-AS-DOCUMENTED: both formats of URL into NAME.prom / NAME.om.
capture() {
  local name=$1 url=$2 package=$3 command=$4 version ct_prom ct_om files
  version=$(dpkg-query -W -f='${Version}' "$package")
  ct_prom=$(curl -fsS --max-time 30 -H "Accept: $PROM_ACCEPT" -o "$out/$name.prom" -w '%{content_type}' "$url")
  ct_om=$(curl -fsS --max-time 30 -H "Accept: $OM_ACCEPT" -o "$tmp/$name.om" -w '%{content_type}' "$url")
  case "$ct_prom" in
    text/plain*) ;;
    *) echo "capture-exporters: $name answered $ct_prom to $PROM_ACCEPT" >&2; return 1 ;;
  esac
  files="\`$name.prom\`"
  case "$ct_om" in
    application/openmetrics-text*)
      mv "$tmp/$name.om" "$out/$name.om"
      files="$files, \`$name.om\`"
      ;;
    *)
      rm -f "$tmp/$name.om" "$out/$name.om"
      ct_om="$ct_om (no \`.om\`: not OpenMetrics)"
      ;;
  esac
  printf '| %s | `%s` %s | `%s` | %s | %s / %s |\n' \
    "$files" "$package" "$version" "$command" "$url" "$ct_prom" "$ct_om" >>"$manifest"
  echo "captured $name" >&2
}

want() {
  [ ${#selected[@]} -eq 0 ] && return 0
  local n
  for n in "${selected[@]}"; do [ "$n" = "$1" ] && return 0; done
  return 1
}
selected=("$@")

if want prometheus; then
  port=$(free_port)
  mkdir -p "$tmp/prometheus"
  cat >"$tmp/prometheus/prometheus.yml" <<EOF
global: { scrape_interval: 1s, evaluation_interval: 1s }
scrape_configs:
  - job_name: prometheus
    static_configs: [{ targets: ['127.0.0.1:$port'] }]
EOF
  start prometheus prometheus --config.file="$tmp/prometheus/prometheus.yml" \
    --storage.tsdb.path="$tmp/prometheus/data" --web.listen-address="127.0.0.1:$port"
  wait_up "http://127.0.0.1:$port/-/ready"
  sleep 5 # a few self-scrapes, so the scrape and TSDB metrics have series
  capture prometheus "http://127.0.0.1:$port/metrics" prometheus \
    'prometheus --config.file=<tmp>/prometheus.yml (scrapes itself every 1s) --storage.tsdb.path=<tmp> --web.listen-address=127.0.0.1:PORT; captured after 5 s'
  stop_last
fi

if want alertmanager; then
  port=$(free_port)
  mkdir -p "$tmp/alertmanager"
  cat >"$tmp/alertmanager/alertmanager.yml" <<'EOF'
route: { receiver: none }
receivers: [{ name: none }]
EOF
  start alertmanager prometheus-alertmanager --config.file="$tmp/alertmanager/alertmanager.yml" \
    --storage.path="$tmp/alertmanager/data" --web.listen-address="127.0.0.1:$port" --cluster.listen-address=
  wait_up "http://127.0.0.1:$port/-/ready"
  capture alertmanager "http://127.0.0.1:$port/metrics" prometheus-alertmanager \
    'prometheus-alertmanager --config.file=<tmp> (one receiver, no integrations) --storage.path=<tmp> --web.listen-address=127.0.0.1:PORT --cluster.listen-address='
  stop_last
fi

if want pushgateway; then
  port=$(free_port)
  # Debian's build persists to /var/lib/prometheus/pushgateway.data unless told otherwise.
  start pushgateway prometheus-pushgateway --web.listen-address="127.0.0.1:$port" \
    --persistence.file="$tmp/pushgateway.data"
  wait_up "http://127.0.0.1:$port/-/ready"
  # One pushed group, as a batch job would push it: the gateway then exposes it with `job`/`instance`.
  printf '# TYPE backup_last_success_timestamp_seconds gauge\nbackup_last_success_timestamp_seconds 1.7e+09\n' |
    curl -fsS --data-binary @- "http://127.0.0.1:$port/metrics/job/backup/instance/db1"
  capture pushgateway "http://127.0.0.1:$port/metrics" prometheus-pushgateway \
    'prometheus-pushgateway --web.listen-address=127.0.0.1:PORT --persistence.file=<tmp>; one group pushed to /metrics/job/backup/instance/db1'
  stop_last
fi

if want blackbox-exporter; then
  port=$(free_port)
  start blackbox-exporter prometheus-blackbox-exporter --config.file=/etc/prometheus/blackbox.yml \
    --web.listen-address="127.0.0.1:$port"
  wait_up "http://127.0.0.1:$port/metrics"
  # A probe of its own /metrics first, so the probe counters have series.
  curl -fsS -o /dev/null "http://127.0.0.1:$port/probe?module=http_2xx&target=http://127.0.0.1:$port/metrics"
  capture blackbox-exporter "http://127.0.0.1:$port/metrics" prometheus-blackbox-exporter \
    'prometheus-blackbox-exporter --config.file=/etc/prometheus/blackbox.yml --web.listen-address=127.0.0.1:PORT; after one probe'
  capture blackbox-exporter-probe "http://127.0.0.1:$port/probe?module=http_2xx&target=http://127.0.0.1:$port/metrics" \
    prometheus-blackbox-exporter '(the same) /probe?module=http_2xx&target=http://127.0.0.1:PORT/metrics'
  stop_last
fi

if want process-exporter; then
  port=$(free_port)
  mkdir -p "$tmp/process-exporter"
  # Groups only for a process started here, so the body does not depend on what else runs: a copy
  # of python3 named om-threads with two extra threads (the per-thread metrics need threads).
  cp /usr/bin/python3 "$tmp/process-exporter/om-threads"
  cat >"$tmp/process-exporter/config.yml" <<'EOF2'
process_names:
  - name: "{{.Comm}}"
    comm: [om-threads]
EOF2
  start om-threads "$tmp/process-exporter/om-threads" -c \
    'import threading, time; [threading.Thread(target=time.sleep, args=(600,)).start() for _ in range(2)]; time.sleep(600)'
  start process-exporter prometheus-process-exporter -config.path "$tmp/process-exporter/config.yml" \
    -web.listen-address "127.0.0.1:$port"
  wait_up "http://127.0.0.1:$port/metrics"
  capture process-exporter "http://127.0.0.1:$port/metrics" prometheus-process-exporter \
    'prometheus-process-exporter -config.path=<tmp> (group {{.Comm}} of comm om-threads: a copy of python3 running 3 threads) -web.listen-address 127.0.0.1:PORT'
  stop_last
  stop_last
fi

if want node-exporter; then
  port=$(free_port)
  start node-exporter prometheus-node-exporter --web.listen-address="127.0.0.1:$port"
  wait_up "http://127.0.0.1:$port/metrics"
  capture node-exporter "http://127.0.0.1:$port/metrics" prometheus-node-exporter \
    'prometheus-node-exporter --web.listen-address=127.0.0.1:PORT (default collectors)'
  stop_last
fi

if want snmp-exporter; then
  port=$(free_port)
  start snmp-exporter prometheus-snmp-exporter --config.file=/etc/prometheus/snmp.yml \
    --web.listen-address="127.0.0.1:$port"
  wait_up "http://127.0.0.1:$port/metrics"
  capture snmp-exporter "http://127.0.0.1:$port/metrics" prometheus-snmp-exporter \
    'prometheus-snmp-exporter --config.file=/etc/prometheus/snmp.yml --web.listen-address=127.0.0.1:PORT (no device probed)'
  stop_last
fi

if want exporter-exporter; then
  port=$(free_port)
  printf 'modules: {}\n' >"$tmp/exporter-exporter.yml"
  start exporter-exporter prometheus-exporter-exporter -config.file "$tmp/exporter-exporter.yml" \
    -web.listen-address "127.0.0.1:$port"
  wait_up "http://127.0.0.1:$port/metrics"
  capture exporter-exporter "http://127.0.0.1:$port/metrics" prometheus-exporter-exporter \
    'prometheus-exporter-exporter -config.file <tmp> (no modules) -web.listen-address 127.0.0.1:PORT'
  stop_last
fi

if want ipmi-exporter; then
  port=$(free_port)
  start ipmi-exporter prometheus-ipmi-exporter --web.listen-address="127.0.0.1:$port" \
    --freeipmi.path="$tmp/no-freeipmi"
  wait_up "http://127.0.0.1:$port/metrics"
  capture ipmi-exporter "http://127.0.0.1:$port/metrics" prometheus-ipmi-exporter \
    'prometheus-ipmi-exporter --web.listen-address=127.0.0.1:PORT --freeipmi.path=<empty tmp dir> (no IPMI device: collectors report ipmi_up 0)'
  stop_last
fi

if want redis-exporter; then
  rport=$(free_port)
  mkdir -p "$tmp/redis"
  start redis-server redis-server --bind 127.0.0.1 --port "$rport" --dir "$tmp/redis" --save '' --appendonly no
  for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p "$rport" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -h 127.0.0.1 -p "$rport" set greeting hello >/dev/null
  port=$(free_port)
  start redis-exporter prometheus-redis-exporter -redis.addr "redis://127.0.0.1:$rport" \
    -web.listen-address "127.0.0.1:$port"
  wait_up "http://127.0.0.1:$port/metrics"
  capture redis-exporter "http://127.0.0.1:$port/metrics" prometheus-redis-exporter \
    "prometheus-redis-exporter -redis.addr redis://127.0.0.1:RPORT -web.listen-address 127.0.0.1:PORT (redis-server $(dpkg-query -W -f='${Version}' redis-server) on 127.0.0.1:RPORT, no persistence, one key)"
  stop_last
  stop_last
fi

if want postfix-exporter; then
  port=$(free_port)
  : >"$tmp/mail.log"
  start postfix-exporter prometheus-postfix-exporter --web.listen-address="127.0.0.1:$port" \
    --postfix.showq_path="$tmp/no-showq" --postfix.logfile_path="$tmp/mail.log"
  wait_up "http://127.0.0.1:$port/metrics"
  capture postfix-exporter "http://127.0.0.1:$port/metrics" prometheus-postfix-exporter \
    'prometheus-postfix-exporter --web.listen-address=127.0.0.1:PORT --postfix.showq_path=<missing> --postfix.logfile_path=<empty file> (no Postfix)'
  stop_last
fi

if want tplink-plug-exporter; then
  port=$(free_port)
  start tplink-plug-exporter prometheus-tplink-plug-exporter -metrics.listen-addr "127.0.0.1:$port"
  wait_up "http://127.0.0.1:$port/metrics"
  capture tplink-plug-exporter "http://127.0.0.1:$port/metrics" prometheus-tplink-plug-exporter \
    'prometheus-tplink-plug-exporter -metrics.listen-addr 127.0.0.1:PORT (no plug probed)'
  stop_last
fi

if want client-python; then
  port=$(free_port)
  start client-python /usr/bin/python3 -c '
import sys, time
from prometheus_client import start_http_server
start_http_server(int(sys.argv[1]), addr="127.0.0.1")
time.sleep(600)
' "$port"
  wait_up "http://127.0.0.1:$port/metrics"
  capture client-python "http://127.0.0.1:$port/metrics" python3-prometheus-client \
    '/usr/bin/python3: prometheus_client.start_http_server(PORT, addr="127.0.0.1") with the default registry only'
  stop_last
fi

if [ ${#selected[@]} -eq 0 ]; then
  {
    cat <<'EOF'
# Real exporters' /metrics

Expositions captured from Debian packages by `scripts/capture-exporters.sh`, which runs each exporter
bound to 127.0.0.1 on a free port (state in a temporary directory, nothing reaching out), then fetches
`/metrics` with curl twice:

- `<name>.prom`: `Accept: text/plain;version=0.0.4` (Prometheus text);
- `<name>.om`: `Accept: application/openmetrics-text;version=1.0.0`, kept only when the exporter
  answers with OpenMetrics (several answer 0.0.4 whatever is asked).

Bodies are stored as received: nothing is stripped or rewritten. Values (memory, uptimes, host
facts such as `node_uname_info`) are those of the capturing machine at that moment; the snapshot
in `test/__snapshots__/exporters/` is of om's findings on these exact bytes, so a regeneration
changes the snapshot only where the findings change; `REVIEW.md` says, rule by rule, why each
finding is right. client_golang's default collectors
(`go_*`, `process_*`, `promhttp_*`) come with every Go exporter; client_python's with
`client-python`.

EOF
    echo "Captured on $(date -u +%Y-%m-%d) ($(. /etc/os-release && echo "$PRETTY_NAME"), curl $(curl --version | awk 'NR==1{print $2}'))."
    echo
    echo '| files | Debian package | command | URL (port varies) | Content-Type: 0.0.4 / OpenMetrics request |'
    echo '| --- | --- | --- | --- | --- |'
    sed -E 's#127\.0\.0\.1:[0-9]+#127.0.0.1:PORT#g' "$manifest"
  } >"$out/README.md"
fi
