# Shared start-up of the service benches (sourced by service-bench.sh and score-bench.sh, not run on its own):
# builds the jar when JAR is not given, starts `serve` on 127.0.0.1:$PORT with the given heap and extra arguments,
# waits for health, creates an ADMIN API key, and stops the server and removes the work folder on exit.
# JAVA_OPTS (e.g. a JFR recording) reaches the server's JVM.
#   bench_prepare NAME                          sets JAR, work (a temporary folder), base; cleans up on exit
#   bench_start_server HEAP [serve arguments...] sets server, key
bench_prepare() {
  bench_name=$1
  if [ -z "${JAR:-}" ]; then
    ./screener help >/dev/null              # builds the jar when it is missing or stale
    JAR=target/thesis-screener.jar
  fi
  work=$(mktemp -d)
  server=
  trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
  base="http://127.0.0.1:$PORT"
}

bench_start_server() {
  local heap=$1 password="bench-$(date +%s)-$RANDOM"
  shift
  # shellcheck disable=SC2086
  SCREENER_ADMIN_PASSWORD="$password" java -Xmx"$heap" ${JAVA_OPTS:-} -jar "$JAR" serve --server.port="$PORT" \
    --screener.sample-portfolio= --screener.rules-poll-interval=0s "$@" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 300); do
    curl -sf "$base/actuator/health" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -sf "$base/actuator/health" >/dev/null || { echo "$bench_name: the service did not start" >&2; tail -20 "$work/server.log" >&2; exit 2; }
  key=$(curl -s -u "admin:$password" -H 'Content-Type: application/json' "$base/api/v1/api-keys" \
    -d '{"name":"bench","role":"ADMIN"}' | jq -r .key)
  [ -n "$key" ] && [ "$key" != null ] || { echo "$bench_name: could not create an API key" >&2; exit 2; }
}

# The /score request both benches send: one company record as JSON.
bench_score_body() {
  printf '%s' '{"ticker":"VRSP","name":"Veridian Sparrow AI","segment":"MODEL_PROVIDER","proprietaryData":false,"distributionSwitchingCost":"LOW","ownsCompute":false,"apiRevenueShare":0.9,"tokenVolumeGrowth":1.6,"pricePerTokenChange":-0.8,"openSourceGapMonths":4,"grossMarginChange":-0.02,"evToSales":12,"marketCapUsd":8500000000,"euRevenueShare":0.3,"capexToRevenue":0.2,"agenticProductionContracts":1,"sovereignAiExposure":false}'
}

# A wrk script posting that record.
bench_score_lua() {
  printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = %s%s%s\n' "'" "$(bench_score_body)" "'"
}
