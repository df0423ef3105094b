#!/usr/bin/env bash
# The cost of a hot `fixed` block (issue 16): the `fixedblock` kernel pins a small array, loads one byte and unpins it,
# millions of times, plain and instrumented under `--sanitize address`; the kernel times its own loop and prints
# nanoseconds per block, wall and CPU (the CPU figure moves less on a shared machine). Median of the runs.
#
# usage: bash benchmarks/pins.sh [--reps N] [--millions M] [--baseline DLL]
#
#   --reps N       runs per column, round robin over the columns (default 5)
#   --millions M   fixed blocks per run, in millions (default 10)
#   --baseline DLL also instrument with this (older) sharpsan.dll, interleaved with the others (an A/B of two builds)
#
# Environment: SHARPSAN_DLL (use this sharpsan.dll, skip building the CLI).
# Output: one line per column on stdout; builds and logs in benchmarks/out (git-ignored).

set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/benchmarks/out"
REPS=5
MILLIONS=10
BASELINE_DLL=""

while [ $# -gt 0 ]; do
    case "$1" in
        --reps) REPS="$2"; shift ;;
        --millions) MILLIONS="$2"; shift ;;
        --baseline) BASELINE_DLL="$2"; shift ;;
        -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "pins.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done

log() { echo "[pins.sh] $*" >&2; }
mkdir -p "$OUT/logs"

log "building C# kernels"
dotnet build "$ROOT/benchmarks/Kernels/Kernels.csproj" -c Release -v quiet -nologo >"$OUT/logs/pins-build-kernels.log" 2>&1 \
    || { cat "$OUT/logs/pins-build-kernels.log" >&2; exit 1; }
KDLL="$ROOT/benchmarks/Kernels/bin/Release/net10.0/Kernels.dll"

SHARPSAN_DLL=${SHARPSAN_DLL:-}
if [ -z "$SHARPSAN_DLL" ]; then
    log "building SharpSan CLI (Release)"
    dotnet build "$ROOT/src/SharpSan.Cli" -c Release -v quiet -nologo >"$OUT/logs/pins-build-sharpsan.log" 2>&1 \
        || { cat "$OUT/logs/pins-build-sharpsan.log" >&2; exit 1; }
    SHARPSAN_DLL="$ROOT/src/SharpSan.Cli/bin/Release/net10.0/sharpsan.dll"
fi

declare -A DIR=([plain]="$(dirname "$KDLL")")
COLUMNS=(plain address)
instrument() {   # column sharpsan.dll
    DIR[$1]="$OUT/pins-$1"
    rm -rf "${DIR[$1]}"
    dotnet "$2" instrument "$KDLL" --sanitize address --output "${DIR[$1]}" >"$OUT/logs/pins-instrument-$1.log" 2>&1 \
        || { cat "$OUT/logs/pins-instrument-$1.log" >&2; log "instrumenting with $2 failed"; exit 1; }
}
instrument address "$SHARPSAN_DLL"
if [ -n "$BASELINE_DLL" ]; then
    [ -f "$BASELINE_DLL" ] || { log "--baseline: no such file: $BASELINE_DLL"; exit 2; }
    instrument baseline "$BASELINE_DLL"
    COLUMNS+=(baseline)
fi

declare -A WALL CPU
for ((rep = 1; rep <= REPS; rep++)); do
    for column in "${COLUMNS[@]}"; do
        line=$(dotnet "${DIR[$column]}/Kernels.dll" fixedblock "$MILLIONS" 2>&1 >/dev/null | grep '^fixedblock ns_per_block=') \
            || { log "$column: the run failed"; exit 1; }
        WALL[$column]+="$(sed 's/^fixedblock ns_per_block=\([0-9.]*\).*/\1/' <<<"$line") "
        CPU[$column]+="$(sed 's/.*cpu_ns_per_block=\([0-9.]*\).*/\1/' <<<"$line") "
    done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "fixed block (pin, one load, unpin), median of $REPS, ns per block: wall / CPU"
for column in "${COLUMNS[@]}"; do
    printf '%-9s %8s / %8s\n' "$column" "$(median "${WALL[$column]}")" "$(median "${CPU[$column]}")"
done
