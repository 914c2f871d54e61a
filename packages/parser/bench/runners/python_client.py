# Peer: Python prometheus_client's parsers (Debian python3-prometheus-client), run with /usr/bin/python3.
#   /usr/bin/python3 python_client.py prometheus|openmetrics FILE
# prometheus:  prometheus_client.parser.text_string_to_metric_families
# openmetrics: prometheus_client.openmetrics.parser.text_string_to_metric_families
import json
import resource
import sys
import time

t0 = time.perf_counter()
fmt, path = sys.argv[1], sys.argv[2]
if fmt == "openmetrics":
    from prometheus_client.openmetrics.parser import text_string_to_metric_families
else:
    from prometheus_client.parser import text_string_to_metric_families

with open(path, encoding="utf-8") as f:
    text = f.read()
families = 0
samples = 0
for family in text_string_to_metric_families(text):
    families += 1
    samples += len(family.samples)
print(json.dumps({
    "families": families,
    "samples": samples,
    "ms": round((time.perf_counter() - t0) * 1000),
    "maxRSSKiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}))
