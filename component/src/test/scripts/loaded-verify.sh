#!/usr/bin/env bash
# Runs a Maven command several times in a row while busy processes keep every core at 100%, as on a loaded CI
# machine, and prints the wall time of each run. The busy processes stop when the script ends, however it ends.
#
#   component/src/test/scripts/loaded-verify.sh                 three runs of `mvn -B verify`, two busy processes
#   RUNS=1 BUSY=2 component/src/test/scripts/loaded-verify.sh mvn -B verify -Dtest=CrashRestartTest -Dsurefire.failIfNoSpecifiedTests=false
set -euo pipefail
cd "$(dirname "$0")/../../../.."
runs=${RUNS:-3}
busy=${BUSY:-2}
command=("$@")
[ ${#command[@]} -gt 0 ] || command=(mvn -B verify)

pids=()
stop_busy() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap stop_busy EXIT
for _ in $(seq "$busy"); do
    ( while :; do :; done ) &
    pids+=($!)
done
echo "busy processes: ${pids[*]} (on $(nproc) cores)"

mkdir -p target
for run in $(seq "$runs"); do
    start=$(date +%s)
    log=target/loaded-run-$run.log
    if "${command[@]}" > "$log" 2>&1; then result=passed; else result=FAILED; fi
    echo "run $run: $result in $(( $(date +%s) - start )) s (${command[*]}, log in $log)"
    [ "$result" = passed ] || exit 1
done
