#!/usr/bin/env bash
# Real test suites under `sharpsan test` (issue 16 item 7, issue 14 item 7): the same suite run with plain
# `dotnet test --no-build` and with `sharpsan test --no-build --sanitize <mode>`, the instrumentation cached (one
# warm-up run per mode first), wall and CPU time, median of N. Not part of the test suites.
#   toolkit   tests/SharpSan.Integration.Tests/Apps/TestSuites/ToolkitSuite (xunit over CommunityToolkit.HighPerformance
#             and Microsoft.IO.RecyclableMemoryStream, both instrumented with --include)
#   packages  benchmarks/Suites/PackagesSuite (xunit over ZstdSharp.Port, K4os.Compression.LZ4, Snappier and
#             System.IO.Hashing: round trips and hashes against a reference, the packages instrumented with --include)
#
# usage: bash benchmarks/suites.sh [--quick] [--reps N] [--suites "toolkit packages"] [--modes "address thread memory guard"]
#                                  [--timeout SECONDS]
#
#   --quick      1 repetition (smoke test; do not quote the numbers)
#   --reps N     median of N timed runs per cell (default 3), round robin over the columns
#   --suites L   space-separated subset of: toolkit packages
#   --modes L    space-separated subset of: address thread memory guard (default all four)
#   --timeout S  kill any single run after S seconds (default 600)
#
# Environment: SHARPSAN_DLL (use this sharpsan.dll, skip building the CLI).
# Output: a markdown table on stdout, also written to benchmarks/out/suites.md; every run's stdout/stderr in
# benchmarks/out/logs/suites.<suite>.<column>.<n>.{out,err}; the suites are copied and built under
# benchmarks/out/suites/ (git-ignored), the instrumentation cache is benchmarks/out/suites/cache (emptied first).
# The last timed sharpsan run of each cell ran with --verbose: its "sharpsan: time:" line (where the CLI's own time
# went) is quoted under the table.
# Exit code: 0, or 1 when a build fails, a plain run fails, or a sanitized run fails a test or reports a finding
# (these suites are correct programs: a finding is a false positive).

set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/benchmarks"
OUT="$BENCH/out"
LOGS="$OUT/logs"
WORK="$OUT/suites"
REPS=3
TIMEOUT=600
SUITES="toolkit packages"
MODES="address thread memory guard"

while [ $# -gt 0 ]; do
    case "$1" in
        --quick) REPS=1 ;;
        --reps) REPS="$2"; shift ;;
        --suites) SUITES="$2"; shift ;;
        --modes) MODES="$2"; shift ;;
        --timeout) TIMEOUT="$2"; shift ;;
        -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
        *) echo "suites.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done
case "$REPS" in ''|*[!0-9]*|0) echo "suites.sh: --reps needs a positive number" >&2; exit 2 ;; esac

# Per suite: where its sources are, the test project inside the copy, the packages instrumented with --include.
declare -A SOURCE=(
    [toolkit]="$ROOT/tests/SharpSan.Integration.Tests/Apps/TestSuites/ToolkitSuite"
    [packages]="$BENCH/Suites/PackagesSuite")
declare -A PROJECT=([toolkit]="Toolkit.Tests/Toolkit.Tests.csproj" [packages]="Packages.Tests/Packages.Tests.csproj")
declare -A INCLUDE=(
    [toolkit]="CommunityToolkit.HighPerformance.dll Microsoft.IO.RecyclableMemoryStream.dll"
    [packages]="ZstdSharp.dll K4os.Compression.LZ4.dll Snappier.dll System.IO.Hashing.dll")
for s in $SUITES; do
    [ -n "${SOURCE[$s]:-}" ] || { echo "suites.sh: unknown suite '$s' (known: ${!SOURCE[*]})" >&2; exit 2; }
done
for m in $MODES; do
    case "$m" in address|thread|memory|guard) ;; *) echo "suites.sh: unknown mode '$m' (known: address thread memory guard)" >&2; exit 2 ;; esac
done

log() { echo "[suites.sh] $*" >&2; }
mkdir -p "$LOGS" "$WORK"
rm -f "$LOGS"/suites.*
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
LOG_PREFIX=suites.
source "$BENCH/timing.sh"

# From the runner's totals line ("Passed!  - Failed: 0, Passed: 11, ..."): "failed passed", or nothing when the run
# did not finish.
totals() { grep -h -o -E 'Failed: +[0-9]+, Passed: +[0-9]+' "$@" 2>/dev/null | tail -1 | sed -E 's/Failed: +([0-9]+), Passed: +([0-9]+)/\1 \2/'; }
first_error() {
    local line
    line=$(grep -h -m1 -E '^SUMMARY: |error|Failed!' "$@" 2>/dev/null | head -1)
    [ -z "$line" ] && line=$(grep -h -m1 -v -E '^[[:space:]]*$' "$@" 2>/dev/null | head -1)
    printf '%s' "${line:0:140}" | tr '|' '/'
}
median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ t[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print t[(NR + 1) / 2]; else printf "%.2f", (t[NR / 2] + t[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b > 0) printf "%.2f", a / b; else print "?" }'; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
SHARPSAN_DLL=${SHARPSAN_DLL:-}
if [ -z "$SHARPSAN_DLL" ]; then
    log "building SharpSan CLI (dotnet build src/SharpSan.Cli -c Release)"
    # One retry: a concurrent build of the same projects (obj/ file locks) can fail spuriously.
    if dotnet build "$ROOT/src/SharpSan.Cli" -c Release -v quiet -nologo >"$LOGS/suites.build-sharpsan.log" 2>&1 \
        || { sleep 5; dotnet build "$ROOT/src/SharpSan.Cli" -c Release -v quiet -nologo >"$LOGS/suites.build-sharpsan.log" 2>&1; }; then
        SHARPSAN_DLL="$ROOT/src/SharpSan.Cli/bin/Release/net10.0/sharpsan.dll"
    else
        cat "$LOGS/suites.build-sharpsan.log" >&2
        log "dotnet build of the SharpSan CLI failed"
        exit 1
    fi
fi

# Instrumented copies go to a cache of our own, emptied so that no copy made by another build is timed; the
# warm-up run of each mode fills it.
export SHARPSAN_CACHE="$WORK/cache"
rm -rf "$SHARPSAN_CACHE"

# Each suite is a user's solution: copied with the sample suites' Directory.Build.props (none of the repository's
# build settings apply) and built once, as `dotnet test` would build it (Debug).
for s in $SUITES; do
    rm -rf "${WORK:?}/$s"
    mkdir -p "$WORK/$s"
    (cd "${SOURCE[$s]}" && find . -type f -not -path '*/bin/*' -not -path '*/obj/*' -exec cp --parents {} "$WORK/$s/" \;)
    cp "$ROOT/tests/SharpSan.Integration.Tests/Apps/TestSuites/Directory.Build.props" "$WORK/$s/"
    log "building suite $s (dotnet build ${PROJECT[$s]})"
    dotnet build "$WORK/$s/${PROJECT[$s]}" -v quiet -nologo >"$LOGS/suites.build-$s.log" 2>&1 \
        || { cat "$LOGS/suites.build-$s.log" >&2; log "dotnet build of suite $s failed"; exit 1; }
done

col_cmd() { # SUITE COLUMN [--verbose] -> CMD
    local s="$1" col="$2"; shift 2
    local project="$WORK/$s/${PROJECT[$s]}"
    if [ "$col" = plain ]; then
        CMD=(dotnet test --no-build "$project")
        return
    fi
    # The project first: --include takes several values and would swallow it.
    CMD=(dotnet "$SHARPSAN_DLL" test "$project" --no-build --sanitize "$col" --progress plain --results "$WORK/results-$s-$col" "$@")
    for inc in ${INCLUDE[$s]}; do CMD+=(--include "$inc"); done
}

declare -A WALLS CPUS ERR PASSED FLAG
FAILED=0
ROWS=()
NOTES=()
declare -A LOGSUM_W LOGSUM_C NGEO
for s in $SUITES; do
    cols=(plain $MODES)
    WALLS=() CPUS=() ERR=() PASSED=() FLAG=()
    for m in $MODES; do
        log "suite $s: warm-up run under --sanitize $m (instruments into the cache)"
        col_cmd "$s" "$m"
        run_once "$s.$m.warmup" "${CMD[@]}"
        log "  ${R_SECS}s, exit code $R_RC"
    done
    for ((r = 1; r <= REPS; r++)); do
        for col in "${cols[@]}"; do
            [ -z "${ERR[$col]:-}" ] || continue
            # The last repetition of a sanitized column runs with --verbose, for the CLI's own timing line.
            if [ "$r" = "$REPS" ] && [ "$col" != plain ]; then col_cmd "$s" "$col" --verbose; else col_cmd "$s" "$col"; fi
            run_once "$s.$col.$r" "${CMD[@]}"
            files=("$LOGS/suites.$s.$col.$r.out" "$LOGS/suites.$s.$col.$r.err")
            t=$(totals "${files[@]}")
            if [ "$R_RC" = 124 ] || [ -z "$t" ]; then
                ERR[$col]=$(first_error "${files[@]}")
                [ "$R_RC" = 124 ] && ERR[$col]="timed out after ${TIMEOUT}s"
                [ -z "${ERR[$col]}" ] && ERR[$col]="exit code $R_RC"
                continue
            fi
            # A run that completed but failed tests or reported a finding is still timed (the checks all ran), and flagged.
            if [ "$R_RC" != 0 ] && [ -z "${FLAG[$col]:-}" ]; then
                FLAG[$col]="exit code $R_RC, ${t%% *} failed: $(first_error "${files[@]}")"
            fi
            PASSED[$col]=${t#* }
            WALLS[$col]="${WALLS[$col]:-} $R_SECS"
            CPUS[$col]="${CPUS[$col]:-} $R_CPU"
        done
        log "suite $s: repetition $r of $REPS done"
    done
    if [ -n "${FLAG[plain]:-}" ]; then ERR[plain]=${FLAG[plain]}; fi
    if [ -n "${ERR[plain]:-}" ]; then
        NOTES+=("$s: plain dotnet test failed: ${ERR[plain]}")
        ROWS+=("| $s | plain | FAILED | | | |")
        FAILED=1
        continue
    fi
    pw=$(median "${WALLS[plain]}") pc=$(median "${CPUS[plain]}")
    ROWS+=("| $s (${PASSED[plain]} tests) | plain | $pw | | $pc | |")
    for m in $MODES; do
        if [ -n "${ERR[$m]:-}" ]; then
            ROWS+=("| | $m | n/a (${ERR[$m]:0:80}) | | | |")
            NOTES+=("$s: --sanitize $m failed: see benchmarks/out/logs/suites.$s.$m.*.err")
            FAILED=1
            continue
        fi
        mark=""
        if [ -n "${FLAG[$m]:-}" ]; then
            mark=" †"
            NOTES+=("† $s, --sanitize $m: ${FLAG[$m]} (these suites are correct: a finding is a false positive; timed all the same)")
            FAILED=1
        elif [ "${PASSED[$m]}" != "${PASSED[plain]}" ]; then
            NOTES+=("$s: --sanitize $m passed ${PASSED[$m]} tests, plain ${PASSED[plain]}")
            FAILED=1
        fi
        w=$(median "${WALLS[$m]}") c=$(median "${CPUS[$m]}")
        rw=$(ratio "$w" "$pw") rc=$(ratio "$c" "$pc")
        ROWS+=("| | $m$mark | $w | ×$rw | $c | ×$rc |")
        LOGSUM_W[$m]=$(awk -v s="${LOGSUM_W[$m]:-0}" -v x="$rw" 'BEGIN { print s + log(x) }')
        LOGSUM_C[$m]=$(awk -v s="${LOGSUM_C[$m]:-0}" -v x="$rc" 'BEGIN { print s + log(x) }')
        NGEO[$m]=$(( ${NGEO[$m]:-0} + 1 ))
        phases=$(grep -h -m1 '^sharpsan: time:' "$LOGS/suites.$s.$m.$REPS.err" 2>/dev/null | sed 's/^sharpsan: time: *//')
        [ -n "$phases" ] && NOTES+=("$s, $m (last run): $phases")
    done
done

{
    cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
    echo "## Real test suites under \`sharpsan test\` ($(date -u '+%Y-%m-%d %H:%M UTC'))"
    echo
    echo "Machine: $(nproc) cores, ${cpu:-unknown CPU}, load average at start $LOAD_AT_START, at end $(cut -d' ' -f1-3 /proc/loadavg); .NET $(dotnet --version)."
    echo "Median of $REPS run(s) per cell, columns round robin. plain: \`dotnet test --no-build <project>\`; a mode:"
    echo "\`sharpsan test --no-build --sanitize <mode> --include <the suite's packages> <project>\` after one warm-up run"
    echo "(instrumentation cached). Wall: the whole command; CPU: user+sys of the command and every process it waited for."
    [ "$REPS" = 1 ] && echo "**1 repetition: do not quote these numbers.**"
    echo
    echo "| suite | column | wall s | × plain | CPU s | × plain |"
    echo "|---|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
    for m in $MODES; do
        [ "${NGEO[$m]:-0}" -gt 0 ] || continue
        echo "| geomean | $m | | $(awk -v s="${LOGSUM_W[$m]}" -v n="${NGEO[$m]}" 'BEGIN { printf "×%.2f", exp(s / n) }') | | $(awk -v s="${LOGSUM_C[$m]}" -v n="${NGEO[$m]}" 'BEGIN { printf "×%.2f", exp(s / n) }') |"
    done
    echo
    echo "Targets: ≤ ×1.3 under address/thread/memory (issue 16), ≤ ×1.02 under guard (issue 14)."
    for n in "${NOTES[@]}"; do echo "- $n"; done
} | tee "$OUT/suites.md"
exit $FAILED
