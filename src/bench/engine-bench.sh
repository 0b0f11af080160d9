#!/usr/bin/env bash
# Engine benchmark (issue 10): ./screener bench with the test classes on the class path, so it also runs the
# plain-Java reading of THESIS.md (src/test/java/com/thesisscreener/reference/ReferenceThesis.java) and prints
# both throughputs and their ratio. The jar holds no test classes; Spring Boot's PropertiesLauncher adds them
# (loader.path) without repackaging anything.
# The heap is fixed and touched up front (SCREENER_JAVA_OPTS replaces this): between rounds the bench collects
# (System.gc(), for the peak heap), a heap left to grow and shrink then hands memory back and faults it in again, and
# on a VM that returns freed pages to its host (Firecracker here) that cost the engine 3-5x from run to run; the
# reference runs on the same heap.
#   src/bench/engine-bench.sh [bench options, e.g. --companies 10000,100000 --rounds 5]
set -euo pipefail
cd "$(dirname "$0")/../.."
./screener help >/dev/null                                   # builds the jar when it is missing or stale
mvn -o -q -B -DskipTests test-compile                        # the reference class
exec java ${SCREENER_JAVA_OPTS:--Xms2g -Xmx2g -XX:+AlwaysPreTouch} -Dloader.path=target/test-classes -Dloader.main=com.thesisscreener.cli.ThesisScreener \
  -cp target/thesis-screener.jar org.springframework.boot.loader.launch.PropertiesLauncher bench "$@"
