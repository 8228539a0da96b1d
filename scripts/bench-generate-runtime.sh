#!/usr/bin/env bash
# Measures what the optional generation runtime costs (docs/benchmarks.md, "Generation runtime"):
# the size of target/lib and target/generate-lib, and the start-up time of `./impress --version`
# (median of N runs) without and with the runtime installed. Rebuilds the project twice.
# Usage: scripts/bench-generate-runtime.sh [RUNS]   (default 11)
set -euo pipefail
root=$(dirname "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")")
cd "$root"
. scripts/find-jdk.sh
impress_find_jdk || exit 2
export JAVA_HOME="$IMPRESS_JAVA_HOME"
runs=${1:-11}

median() {
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s.%N); ./impress --version >/dev/null; e=$(date +%s.%N)
    times+=("$(echo "$e - $s" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %.2f s (min %.2f, max %.2f, %d runs)\n", a[int((NR+1)/2)], a[1], a[NR], NR}'
}

./mvnw -B -q -Dmaven.test.skip=true clean package >/dev/null
echo "without the generation runtime: target/lib $(du -sh target/lib | cut -f1), start-up $(median)"
./mvnw -B -q -Dmaven.test.skip=true -P generate package >/dev/null
echo "with the generation runtime:    target/lib $(du -sh target/lib | cut -f1) + target/generate-lib $(du -sh target/generate-lib | cut -f1), start-up $(median)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
