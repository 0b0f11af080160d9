#!/usr/bin/env bash
# /score against the authenticated no-op /api/v1/me only (the last part of service-bench.sh, without the 100k upload):
# one server on 127.0.0.1 (in-memory H2), an ADMIN API key, 8 s of warm-up on each, then ROUNDS rounds of
# `wrk -c16 --latency` on /me then /score. Stops the server afterwards.
#   src/bench/score-bench.sh                       (needs wrk, jq, curl: apt-get install -y wrk jq)
# Knobs: JAR (target/thesis-screener.jar; point it at another build to compare), PORT (8301), DURATION (15s),
#        CONNECTIONS (16), ROUNDS (2), JAVA_OPTS (e.g. -XX:StartFlightRecording=filename=score.jfr,settings=profile).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-8301}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
ROUNDS=${ROUNDS:-2}
for tool in wrk jq curl; do
  command -v "$tool" >/dev/null || { echo "score-bench: $tool is needed (apt-get install -y wrk jq curl)" >&2; exit 2; }
done
if [ -z "${JAR:-}" ]; then
  ./screener help >/dev/null              # builds the jar when it is missing or stale
  JAR=target/thesis-screener.jar
fi
work=$(mktemp -d)
password="bench-$(date +%s)-$RANDOM"
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
base="http://127.0.0.1:$PORT"

# shellcheck disable=SC2086
SCREENER_ADMIN_PASSWORD="$password" java -Xmx512m ${JAVA_OPTS:-} -jar "$JAR" serve --server.port="$PORT" \
  --spring.datasource.url="jdbc:h2:mem:score-bench" --screener.sample-portfolio= --screener.rules-poll-interval=0s \
  >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
  curl -sf "$base/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "$base/actuator/health" >/dev/null || { echo "score-bench: the service did not start" >&2; tail -20 "$work/server.log" >&2; exit 2; }
key=$(curl -s -u "admin:$password" -H 'Content-Type: application/json' "$base/api/v1/api-keys" \
  -d '{"name":"bench","role":"ADMIN"}' | jq -r .key)
[ -n "$key" ] && [ "$key" != null ] || { echo "score-bench: could not create an API key" >&2; exit 2; }
cat >"$work/score.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"ticker":"VRSP","name":"Veridian Sparrow AI","segment":"MODEL_PROVIDER","proprietaryData":false,"distributionSwitchingCost":"LOW","ownsCompute":false,"apiRevenueShare":0.9,"tokenVolumeGrowth":1.6,"pricePerTokenChange":-0.8,"openSourceGapMonths":4,"grossMarginChange":-0.02,"evToSales":12,"marketCapUsd":8500000000,"euRevenueShare":0.3,"capexToRevenue":0.2,"agenticProductionContracts":1,"sovereignAiExposure":false}'
LUA
echo "$(basename "$JAR"); java $(java -version 2>&1 | head -1 | cut -d'"' -f2); $(nproc) cores shared with the load"
wrk -t2 -c"$CONNECTIONS" -d8s -s "$work/score.lua" -H "X-API-Key: $key" "$base/api/v1/score" >/dev/null   # warm-up
wrk -t2 -c"$CONNECTIONS" -d8s -H "X-API-Key: $key" "$base/api/v1/me" >/dev/null
summary() { grep -E "Requests/sec|99%" | tr -s ' ' | paste -sd' '; }
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "  GET /api/v1/me:    $(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "X-API-Key: $key" "$base/api/v1/me" | summary)"
  echo "  POST /api/v1/score: $(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/score.lua" -H "X-API-Key: $key" "$base/api/v1/score" | summary)"
done
