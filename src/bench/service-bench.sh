#!/usr/bin/env bash
# Service benchmark (issue 10): everything a user waits for on the service, measured in one run against one
# server on 127.0.0.1, which stops by itself afterwards:
#   - upload of a generated ROWS-row workbook until stored, with the server's peak heap while it ran: first right
#     after start-up, then the same file twice more (warm);
#   - database size after the first upload (one portfolio, its rows and one run);
#   - the first results page (GET .../results?size=100), five calls; deep pages, the last one found by position and
#     by walking the index (its reference);
#   - a re-run and the diff of the two runs;
#   - report.xlsx and report.csv downloads;
#   - POST /api/v1/score against the authenticated no-op GET /api/v1/me, same key, same connections (wrk).
#   src/bench/service-bench.sh                     (needs wrk, jq, jstat, curl: apt-get install -y wrk jq)
# Knobs: JAR (target/thesis-screener.jar, built when missing or stale; point it at another build to compare),
#        PORT (8301), HEAP (512m), CONNECTIONS (16), DURATION (20s), ROWS (100000), SKIP_WRK (empty).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-8301}
HEAP=${HEAP:-512m}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-20s}
ROWS=${ROWS:-100000}
for tool in jq jstat curl bc; do
  command -v "$tool" >/dev/null || { echo "service-bench: $tool is needed (apt-get install -y wrk jq bc)" >&2; exit 2; }
done
# shellcheck source=src/bench/lib-server.sh
. src/bench/lib-server.sh
bench_prepare service-bench
# The shipped database settings (application.properties), the file in the work folder.
bench_start_server "$HEAP" --spring.datasource.url="jdbc:h2:file:$work/db;COMPRESS=TRUE" \
  --screener.max-upload=200MB --spring.servlet.multipart.max-file-size=200MB --spring.servlet.multipart.max-request-size=200MB
java -jar "$JAR" generate --rows "$ROWS" --out "$work/portfolio.xlsx" >/dev/null
echo "$(basename "$JAR") $(unzip -p "$JAR" META-INF/MANIFEST.MF 2>/dev/null | grep -m1 Implementation-Version | tr -d '\r'); java $(java -version 2>&1 | head -1 | cut -d'"' -f2), -Xmx$HEAP, $(nproc) cores shared with the load: $(cut -d' ' -f1-3 /proc/loadavg)"

# Seconds a GET takes, the body written to $2.
timed_get() { curl -s -o "$2" -w '%{time_total}' -H "X-API-Key: $key" "$base$1"; }

# Samples the server's heap every 100 ms into $1 (its pid in $sampler). jstat is a JVM of its own: this returns once
# it samples, so its start-up does not compete with what is timed next.
start_heap_sampler() {
  jstat -gc "$server" 100 >"$1" &
  sampler=$!
  for _ in $(seq 1 100); do [ "$(wc -l <"$1")" -ge 2 ] && break; sleep 0.05; done
}

# The most heap in use (MB) that the samples in $1 saw.
peak_heap() {
  awk 'NR>1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%.0f", max / 1024 }' "$1"
}

# Uploads the workbook, prints the time until stored (HTTP 201) and the peak heap meanwhile; $1 names the upload.
timed_upload() {
  local start end status peak
  start_heap_sampler "$work/heap.txt"
  start=$(date +%s.%N)
  status=$(curl -s -o "$work/upload.json" -w '%{http_code}' -H "X-API-Key: $key" -F file=@"$work/portfolio.xlsx" "$base/api/v1/portfolios")
  end=$(date +%s.%N)
  kill "$sampler" 2>/dev/null || true
  peak=$(peak_heap "$work/heap.txt")
  printf 'upload %d rows (%.1f MB xlsx), %s: HTTP %s in %.2f s; peak heap %s MB\n' "$ROWS" \
    "$(echo "$(stat -c %s "$work/portfolio.xlsx") / 1048576" | bc -l)" "$1" "$status" "$(echo "$end - $start" | bc -l)" "$peak"
}

timed_upload "first after start-up"
cp "$work/upload.json" "$work/first-upload.json"
printf 'database after one %d-company portfolio and its run: %.1f MB\n' "$ROWS" "$(echo "$(du -cb "$work"/db*.db | tail -1 | cut -f1) / 1048576" | bc -l)"
# The same file again: the service's code is compiled by now, as on a service that has been up a while.
timed_upload "again (warm)"
timed_upload "a third time"
cp "$work/first-upload.json" "$work/upload.json"
id=$(jq -r .portfolio.id "$work/upload.json")
[ "$id" != null ] || { echo "service-bench: upload failed: $(head -c 300 "$work/upload.json")" >&2; exit 2; }

times=()
for _ in 1 2 3 4 5; do times+=("$(timed_get "/api/v1/portfolios/$id/results?size=100" "$work/page.json")"); done
printf 'GET results?size=100: %s s (%s items in the answer)\n' "${times[*]}" "$(jq '.items | length' "$work/page.json")"
times=()
for _ in 1 2 3; do times+=("$(timed_get "/api/v1/portfolios/$id/results?size=100&page=500&band=HOLD&sort=score,asc" "$work/page.json")"); done
printf 'GET results?size=100&page=500&band=HOLD&sort=score,asc: %s s\n' "${times[*]}"
# The last page of the run by score: found directly by position in the run's index; then the same page with a filter
# that keeps every row, which walks the index from the first position (the reference, same run).
last=$(( (ROWS + 99) / 100 - 1 ))
for query in "page=$last&sort=score" "page=$last&sort=score&minScore=-1000"; do
  times=()
  for _ in 1 2 3; do times+=("$(timed_get "/api/v1/portfolios/$id/results?size=100&$query" "$work/page.json")"); done
  printf 'GET results?size=100&%s: %s s (%s items)\n' "$query" "${times[*]}" "$(jq '.items | length' "$work/page.json")"
done

first=$(jq -r .portfolio.latestRun.id "$work/upload.json")
rerun=$(curl -s -o "$work/rerun.json" -w '%{time_total}' -X POST -H "X-API-Key: $key" "$base/api/v1/portfolios/$id/runs")
second=$(jq -r .id "$work/rerun.json")
printf 're-run of %d companies: %.2f s\n' "$ROWS" "$rerun"
times=()
for _ in 1 2 3; do times+=("$(timed_get "/api/v1/portfolios/$id/runs/$second/diff?against=$first" "$work/diff.json")"); done
printf 'diff of two %d-company runs: %s s (%s changed, %s unchanged)\n' "$ROWS" "${times[*]}" "$(jq '.changes | length' "$work/diff.json")" "$(jq .unchanged "$work/diff.json")"

start_heap_sampler "$work/heap-report.txt"
xlsx=$(timed_get "/api/v1/portfolios/$id/report.xlsx" "$work/report.xlsx")
csv=$(timed_get "/api/v1/portfolios/$id/report.csv" "$work/report.csv")
kill "$sampler" 2>/dev/null || true
peak=$(peak_heap "$work/heap-report.txt")
printf 'report.xlsx: %.2f s (%.1f MB); report.csv: %.2f s (%.1f MB); peak heap while exporting %s MB\n' \
  "$xlsx" "$(echo "$(stat -c %s "$work/report.xlsx") / 1048576" | bc -l)" "$csv" "$(echo "$(stat -c %s "$work/report.csv") / 1048576" | bc -l)" "$peak"

[ -n "${SKIP_WRK:-}" ] && exit 0
command -v wrk >/dev/null || { echo "service-bench: wrk is needed for the /score part (apt-get install -y wrk)" >&2; exit 2; }
bench_score_lua >"$work/score.lua"
wrk -t2 -c"$CONNECTIONS" -d10s -s "$work/score.lua" -H "X-API-Key: $key" "$base/api/v1/score" >/dev/null   # warm-up
wrk -t2 -c"$CONNECTIONS" -d10s -H "X-API-Key: $key" "$base/api/v1/me" >/dev/null
summary() { grep -E 'Requests/sec|Latency  |99%|Non-2xx' | tr -s ' ' | paste -sd';' -; }
me=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "X-API-Key: $key" "$base/api/v1/me" | summary)
score=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/score.lua" -H "X-API-Key: $key" "$base/api/v1/score" | summary)
echo "GET /api/v1/me (authenticated no-op), $CONNECTIONS connections, $DURATION: $me"
echo "POST /api/v1/score,                   $CONNECTIONS connections, $DURATION: $score"
rme=$(echo "$me" | sed -E 's/.*Requests\/sec: ([0-9.]+).*/\1/')
rscore=$(echo "$score" | sed -E 's/.*Requests\/sec: ([0-9.]+).*/\1/')
printf '/score throughput / no-op throughput: %.2f\n' "$(echo "$rscore / $rme" | bc -l)"
