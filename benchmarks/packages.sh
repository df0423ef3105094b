#!/usr/bin/env bash
# SharpSan on real libraries from the package registry (issue 16): the same workload app run plain and instrumented,
#   ZstdSharp.Port (level 3), K4os.Compression.LZ4 (HC, level 9), Snappier, System.IO.Hashing — under address
#   BitFaster.Caching's ConcurrentLru driven by 4 threads — under address and thread
# each package instrumented with `--include <Package>.dll`, as a user would. Not part of the test suites.
#
# usage: bash benchmarks/packages.sh [--quick] [--reps N] [--workloads "zstd lz4 ..."] [--timeout SECONDS] [--baseline DLL]
#
#   --quick        small sizes, 1 repetition (smoke test)
#   --reps N       best of N runs per cell (default 3), round robin over the columns
#   --workloads L  space-separated subset of: zstd lz4 snappy hashing bitfaster
#   --timeout S    kill any single run after S seconds (default 300)
#   --baseline DLL also instrument with this (older) sharpsan.dll and run it under address, interleaved with the
#                  others in every round (an A/B of two builds on a shared machine); its ratios go in the notes
#
# Environment: SHARPSAN_DLL (use this sharpsan.dll, skip building the CLI).
# Output: a markdown table on stdout, also written to benchmarks/out/packages.md; the stdout/stderr of every run in
# benchmarks/out/logs/packages.<workload>.<column>.<n>.{out,err} (benchmarks/out is git-ignored).
# Wall time is the whole process (start-up, JIT, the corpus); "kernel" is the app's own timing of the work alone.
# Exit code: 0, or 1 when a build fails, a run fails or an instrumented run prints a different checksum.

set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/benchmarks"
OUT="$BENCH/out"
LOGS="$OUT/logs"
REPS=3
TIMEOUT=300
QUICK=0
WORKLOADS="zstd lz4 snappy hashing bitfaster"
BASELINE_DLL=""

while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --reps) REPS="$2"; shift ;;
        --workloads) WORKLOADS="$2"; shift ;;
        --timeout) TIMEOUT="$2"; shift ;;
        --baseline) BASELINE_DLL="$2"; shift ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) echo "packages.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done
case "$REPS" in ''|*[!0-9]*|0) echo "packages.sh: --reps needs a positive number" >&2; exit 2 ;; esac

# Sizes: MiB of corpus (bitfaster: millions of cache calls); ~0.3-2 s plain each on a 2-core Xeon.
declare -A SIZE=([zstd]=4 [lz4]=4 [snappy]=16 [hashing]=64 [bitfaster]=4)
if [ "$QUICK" = 1 ]; then
    SIZE=([zstd]=1 [lz4]=1 [snappy]=2 [hashing]=8 [bitfaster]=1)
    REPS=1
fi
# Which sanitized columns each workload gets: thread only where threads share the package's state.
declare -A MODES=([zstd]="address" [lz4]="address" [snappy]="address" [hashing]="address" [bitfaster]="address thread")
for w in $WORKLOADS; do
    [ -n "${SIZE[$w]:-}" ] || { echo "packages.sh: unknown workload '$w' (known: ${!SIZE[*]})" >&2; exit 2; }
done

log() { echo "[packages.sh] $*" >&2; }
mkdir -p "$LOGS"
rm -f "$LOGS"/packages.*
LOG_PREFIX=packages.
source "$BENCH/timing.sh"
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log "building the workload app (dotnet build Packages.csproj -c Release; restores the packages)"
dotnet build "$BENCH/Packages/Packages.csproj" -c Release -v quiet -nologo >"$LOGS/packages.build-app.log" 2>&1 \
    || { cat "$LOGS/packages.build-app.log" >&2; log "dotnet build of Packages failed"; exit 1; }
APP="$BENCH/Packages/bin/Release/net10.0/Packages.dll"

SHARPSAN_DLL=${SHARPSAN_DLL:-}
if [ -z "$SHARPSAN_DLL" ]; then
    log "building SharpSan CLI (dotnet build src/SharpSan.Cli -c Release)"
    if dotnet build "$ROOT/src/SharpSan.Cli" -c Release -v quiet -nologo >"$LOGS/packages.build-sharpsan.log" 2>&1 \
        || { sleep 5; dotnet build "$ROOT/src/SharpSan.Cli" -c Release -v quiet -nologo >"$LOGS/packages.build-sharpsan.log" 2>&1; }; then
        SHARPSAN_DLL="$ROOT/src/SharpSan.Cli/bin/Release/net10.0/sharpsan.dll"
    else
        cat "$LOGS/packages.build-sharpsan.log" >&2
        log "dotnet build of the SharpSan CLI failed"
        exit 1
    fi
fi

# One instrumented copy per mode, the packages included by name as a user would.
INCLUDES=(--include ZstdSharp.dll --include K4os.Compression.LZ4.dll --include Snappier.dll --include System.IO.Hashing.dll --include BitFaster.Caching.dll)
declare -A COPY
for mode in address thread; do
    COPY[$mode]="$OUT/packages-$mode"
    rm -rf "${COPY[$mode]}"
    log "instrumenting Packages with --sanitize $mode ${INCLUDES[*]}"
    run_once "instrument-$mode" dotnet "$SHARPSAN_DLL" instrument "$APP" --sanitize "$mode" "${INCLUDES[@]}" --output "${COPY[$mode]}"
    if [ "$R_RC" != 0 ] || [ ! -f "${COPY[$mode]}/Packages.dll" ]; then
        log "sharpsan instrument --sanitize $mode failed: $(first_error "$LOGS/packages.instrument-$mode.err")"
        exit 1
    fi
    log "  instrumented in ${R_SECS}s"
done

if [ -n "$BASELINE_DLL" ]; then
    [ -f "$BASELINE_DLL" ] || { log "--baseline: no such file: $BASELINE_DLL"; exit 2; }
    COPY[baseline]="$OUT/packages-baseline"
    rm -rf "${COPY[baseline]}"
    log "instrumenting Packages with the baseline $BASELINE_DLL (--sanitize address)"
    run_once instrument-baseline dotnet "$BASELINE_DLL" instrument "$APP" --sanitize address "${INCLUDES[@]}" --output "${COPY[baseline]}"
    if [ "$R_RC" != 0 ] || [ ! -f "${COPY[baseline]}/Packages.dll" ]; then
        log "baseline instrument failed: $(first_error "$LOGS/packages.instrument-baseline.err")"
        exit 1
    fi
fi

col_cmd() { # COLUMN WORKLOAD SIZE -> CMD
    case "$1" in
        plain) CMD=(dotnet "$APP" "$2" "$3") ;;
        # BitFaster.Caching races on purpose (striped counters, …): the real-package gate's suppressions, nothing more.
        thread) CMD=(env "SHARPSAN_OPTIONS=suppressions=$ROOT/tests/SharpSan.Integration.Tests/Apps/RealPackages/suppressions/bitfaster.supp" dotnet "${COPY[$1]}/Packages.dll" "$2" "$3") ;;
        *) CMD=(dotnet "${COPY[$1]}/Packages.dll" "$2" "$3") ;;
    esac
}
kernel_ms() { sed -n 's/.*kernel_ms=\([0-9]*\).*/\1/p' <<<"$1"; }

# Round robin: repetition r of every column before repetition r+1, so load from other processes hits all alike.
declare -A BEST BESTK LAST ERR
FAILED=0
ROWS=()
NOTES=()
LS_A=0 N_A=0 LS_T=0 N_T=0
for w in $WORKLOADS; do
    size=${SIZE[$w]}
    cols=(plain ${MODES[$w]})
    if [ -n "$BASELINE_DLL" ] && [[ " ${MODES[$w]} " == *" address "* ]]; then cols+=(baseline); fi
    log "workload $w (size $size, columns ${cols[*]})"
    BEST=() BESTK=() LAST=() ERR=()
    for ((r = 1; r <= REPS; r++)); do
        for col in "${cols[@]}"; do
            [ -z "${ERR[$col]:-}" ] || continue
            col_cmd "$col" "$w" "$size"
            run_once "$w.$col.$r" "${CMD[@]}"
            LAST[$col]=$(tail -1 "$LOGS/packages.$w.$col.$r.out" 2>/dev/null)
            if [ "$R_RC" != 0 ]; then
                ERR[$col]=$(first_error "$LOGS/packages.$w.$col.$r.err")
                [ -z "${ERR[$col]}" ] && ERR[$col]="exit code $R_RC"
                continue
            fi
            if [ -z "${BEST[$col]:-}" ] || awk -v a="$R_SECS" -v b="${BEST[$col]}" 'BEGIN { exit !(a < b) }'; then BEST[$col]=$R_SECS; fi
            k=$(kernel_ms "${LAST[$col]}")
            if [ -n "$k" ] && { [ -z "${BESTK[$col]:-}" ] || [ "$k" -lt "${BESTK[$col]}" ]; }; then BESTK[$col]=$k; fi
        done
    done
    if [ -n "${ERR[plain]:-}" ]; then
        NOTES+=("$w: plain run failed: ${ERR[plain]}")
        ROWS+=("| $w (FAILED) | | | | | | |")
        FAILED=1
        continue
    fi
    want=$(checksum_of "${LAST[plain]}")
    cells=()
    for mode in address thread; do
        if [[ " ${MODES[$w]} " != *" $mode "* ]]; then cells+=("—" "—"); continue; fi
        if [ -n "${ERR[$mode]:-}" ]; then
            cells+=("n/a (${ERR[$mode]:0:60})" "")
            NOTES+=("$w: $mode failed: see benchmarks/out/logs/packages.$w.$mode.*.err")
            FAILED=1
        elif [ "$(checksum_of "${LAST[$mode]}")" != "$want" ]; then
            cells+=("n/a (wrong output)" "")
            NOTES+=("$w: $mode printed a different checksum than plain")
            FAILED=1
        else
            wall=$(ratio "${BEST[$mode]}" "${BEST[plain]}")
            kern=$(ratio "${BESTK[$mode]}" "${BESTK[plain]}")
            cells+=("${BEST[$mode]} s (×$wall)" "×$kern")
            if [ "$mode" = address ]; then LS_A=$(awk -v s="$LS_A" -v x="$kern" 'BEGIN { print s + log(x) }'); N_A=$((N_A + 1)); fi
            if [ "$mode" = thread ]; then LS_T=$(awk -v s="$LS_T" -v x="$kern" 'BEGIN { print s + log(x) }'); N_T=$((N_T + 1)); fi
        fi
    done
    if [ -n "${BEST[baseline]:-}" ] && [ -n "${BESTK[baseline]:-}" ] && [ -n "${BESTK[address]:-}" ]; then
        NOTES+=("$w: address kernel ×$(ratio "${BESTK[address]}" "${BESTK[plain]}") with this build, ×$(ratio "${BESTK[baseline]}" "${BESTK[plain]}") with the baseline")
    elif [ -n "$BASELINE_DLL" ] && [ -n "${ERR[baseline]:-}" ]; then
        NOTES+=("$w: baseline failed: ${ERR[baseline]}")
    fi
    ROWS+=("| $w ($size) | ${BEST[plain]} s | ${BESTK[plain]} ms | ${cells[0]} | ${cells[1]} | ${cells[2]} | ${cells[3]} |")
done

geo() { awk -v s="$1" -v n="$2" 'BEGIN { if (n > 0) printf "×%.2f", exp(s / n); else print "n/a" }'; }
{
    echo "## SharpSan on real packages (best of $REPS; load at start: $LOAD_AT_START)"
    echo
    echo "| workload (MiB / M calls) | plain wall | plain kernel | address wall | address kernel | thread wall | thread kernel |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
    echo "| geomean (kernel) | | | | $(geo "$LS_A" "$N_A") | | $(geo "$LS_T" "$N_T") |"
    echo
    echo "Wall: the whole process (start-up, JIT, corpus generation), ratio to plain. Kernel: the app's own timing of the"
    echo "work alone (kernel_ms), ratio to plain. Packages instrumented with --include <Package>.dll."
    for n in "${NOTES[@]}"; do echo "- $n"; done
} | tee "$OUT/packages.md"
exit $FAILED
