#!/usr/bin/env bash
# Service benchmark (issue 3): upload-to-stored time and peak heap for generated 10k and 100k-row
# portfolios, and POST /api/v1/score throughput and latency from a second process (wrk) at a fixed
# concurrency. Everything runs on this machine, against 127.0.0.1 only, and stops by itself.
#   src/bench/service-bench.sh            (needs wrk: apt-get install wrk; and jq)
# Knobs: PORT (8099), HEAP (2g), CONNECTIONS (16), DURATION (30s), ROWS ("10000 100000").
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-8099}
HEAP=${HEAP:-2g}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-30s}
ROWS=${ROWS:-"10000 100000"}
for tool in wrk jq jstat curl; do
  command -v "$tool" >/dev/null || { echo "service-bench: $tool is needed (apt-get install wrk jq)" >&2; exit 2; }
done

./screener help >/dev/null              # builds the jar when it is missing or stale
jar=target/thesis-screener.jar
work=$(mktemp -d)
password="bench-$(date +%s)-$RANDOM"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

for rows in $ROWS; do
  java -jar "$jar" generate --rows "$rows" --out "$work/p$rows.xlsx" >/dev/null
done

SCREENER_ADMIN_PASSWORD="$password" java -Xmx"$HEAP" -Xms"$HEAP" -jar "$jar" serve --server.port="$PORT" \
  --spring.datasource.url="jdbc:h2:file:$work/db" --screener.sample-portfolio= --screener.rules-poll-interval=0s \
  --screener.max-upload=200MB --spring.servlet.multipart.max-file-size=200MB --spring.servlet.multipart.max-request-size=200MB \
  >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "service-bench: the service did not start; see $work/server.log" >&2; tail -20 "$work/server.log" >&2; exit 2; }

key=$(curl -s -u "admin:$password" -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/v1/api-keys" \
  -d '{"name":"bench","role":"ANALYST"}' | jq -r .key)
[ -n "$key" ] && [ "$key" != null ] || { echo "service-bench: could not create an API key" >&2; exit 2; }

echo "java $(java -version 2>&1 | head -1 | cut -d'"' -f2), -Xmx$HEAP, $(nproc) cores; wrk and the service share them"
for rows in $ROWS; do
  file="$work/p$rows.xlsx"
  jstat -gc "$server" 100 >"$work/heap-$rows.txt" &
  sampler=$!
  start=$(date +%s.%N)
  status=$(curl -s -o "$work/upload-$rows.json" -w '%{http_code}' -H "X-API-Key: $key" \
    -F file=@"$file" "http://127.0.0.1:$PORT/api/v1/portfolios")
  end=$(date +%s.%N)
  kill "$sampler" 2>/dev/null || true
  peak=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%.0f", max / 1024 }' "$work/heap-$rows.txt")
  seconds=$(echo "$end - $start" | bc -l)
  printf 'upload %7d rows (%s, %.1f MB): HTTP %s in %.2f s = %.0f rows/s to stored; peak heap %s MB\n' "$rows" \
    "$(basename "$file")" "$(echo "$(stat -c %s "$file") / 1048576" | bc -l)" "$status" "$seconds" "$(echo "$rows / $seconds" | bc -l)" "$peak"
done

cat >"$work/score.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"ticker":"VRSP","name":"Veridian Sparrow AI","segment":"MODEL_PROVIDER","proprietaryData":false,"distributionSwitchingCost":"LOW","ownsCompute":false,"apiRevenueShare":0.9,"tokenVolumeGrowth":1.6,"pricePerTokenChange":-0.8,"openSourceGapMonths":4,"grossMarginChange":-0.02,"evToSales":12,"marketCapUsd":8500000000,"euRevenueShare":0.3,"capexToRevenue":0.2,"agenticProductionContracts":1,"sovereignAiExposure":false}'
LUA
wrk -t2 -c"$CONNECTIONS" -d30s -s "$work/score.lua" -H "X-API-Key: $key" "http://127.0.0.1:$PORT/api/v1/score" >/dev/null   # warm-up: JIT-compiles the rule lambdas
echo "POST /api/v1/score, $CONNECTIONS connections, $DURATION:"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/score.lua" -H "X-API-Key: $key" "http://127.0.0.1:$PORT/api/v1/score" \
  | grep -E 'Requests/sec|Latency  |50%|90%|99%|Non-2xx|requests in'
