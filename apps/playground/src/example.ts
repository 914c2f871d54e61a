// What the page shows first: a small exposition with a few problems of each kind.
export const EXAMPLE = `# HELP http_requests Requests handled, by method and status code.
# TYPE http_requests counter
http_requests_total{method="get",code="200"} 1027
http_requests_total{method="post",code="500"} 3
# HELP http_request_duration_seconds Time to answer a request.
# TYPE http_request_duration_seconds histogram
http_request_duration_seconds_bucket{le="0.1"} 80
http_request_duration_seconds_bucket{le="1"} 97
http_request_duration_seconds_bucket{le="+Inf"} 100
http_request_duration_seconds_sum 21.5
http_request_duration_seconds_count 100
# TYPE memory_used_kb gauge
memory_used_kb 512
# TYPE queue_jobs counter
queue_jobs{queue="default" shard="1"} 7
# EOF
`;
