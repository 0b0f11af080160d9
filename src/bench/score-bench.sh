#!/usr/bin/env bash
# /score against the authenticated no-op /api/v1/me only (the last part of service-bench.sh, without the 100k upload):
# one server on 127.0.0.1 (in-memory H2), an ADMIN API key, 8 s of warm-up on each, then ROUNDS rounds of
#   - `wrk -c16 --latency` on /me then /score (closed loop: throughput at saturation), and
#   - src/bench/FixedRate.java at RATE requests/s on /me then /score (open loop: latency from each request's
#     intended send time, which wrk cannot hold).
# Stops the server afterwards.
#   src/bench/score-bench.sh                       (needs wrk, jq, curl: apt-get install -y wrk jq)
# Knobs: JAR (target/thesis-screener.jar; point it at another build to compare), PORT (8301), DURATION (15s),
#        CONNECTIONS (16), ROUNDS (2), RATE (500; 0 skips the fixed-rate phase), RATE_DURATION (20),
#        RATE_CONNECTIONS (8), SKIP_WRK (empty), JAVA_OPTS (e.g. -XX:StartFlightRecording=filename=score.jfr,settings=profile).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-8301}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
ROUNDS=${ROUNDS:-2}
RATE=${RATE:-500}
RATE_DURATION=${RATE_DURATION:-20}
RATE_CONNECTIONS=${RATE_CONNECTIONS:-8}
for tool in wrk jq curl; do
  command -v "$tool" >/dev/null || { echo "score-bench: $tool is needed (apt-get install -y wrk jq curl)" >&2; exit 2; }
done
# shellcheck source=src/bench/lib-server.sh
. src/bench/lib-server.sh
bench_prepare score-bench
bench_start_server 512m --spring.datasource.url="jdbc:h2:mem:score-bench"
bench_score_lua >"$work/score.lua"
bench_score_body >"$work/score.json"
echo "$(basename "$JAR"); java $(java -version 2>&1 | head -1 | cut -d'"' -f2); $(nproc) cores shared with the load"
wrk -t2 -c"$CONNECTIONS" -d8s -s "$work/score.lua" -H "X-API-Key: $key" "$base/api/v1/score" >/dev/null   # warm-up
wrk -t2 -c"$CONNECTIONS" -d8s -H "X-API-Key: $key" "$base/api/v1/me" >/dev/null
summary() { grep -E "Requests/sec|99%" | tr -s ' ' | paste -sd' '; }
fixed_rate() {
  java src/bench/FixedRate.java --rate "$RATE" --duration "$RATE_DURATION" --warmup 3 --connections "$RATE_CONNECTIONS" \
    --header "X-API-Key: $key" "$@"
}
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round, load $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -z "${SKIP_WRK:-}" ]; then
    echo "  GET /api/v1/me:    $(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "X-API-Key: $key" "$base/api/v1/me" | summary)"
    echo "  POST /api/v1/score: $(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/score.lua" -H "X-API-Key: $key" "$base/api/v1/score" | summary)"
  fi
  if [ "$RATE" != 0 ]; then
    echo "  $(fixed_rate --url "$base/api/v1/me" --label "GET /api/v1/me    ")"
    echo "  $(fixed_rate --url "$base/api/v1/score" --body "$work/score.json" --label "POST /api/v1/score")"
  fi
done
