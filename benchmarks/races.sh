#!/usr/bin/env bash
# SharpSan race benchmarks: the same five multi-threaded kernels in C (pthreads) and C#, side by side:
#   C plain | C + GCC ThreadSanitizer | C# plain | C# under SharpSan (--sanitize thread)
# All kernels are correct (race-free) programs: a sanitizer report is a false positive (or a kernel bug).
#
# usage: bash benchmarks/races.sh [--quick] [--reps N] [--kernels "lockcounter prodcons ..."]
#                                 [--threads T] [--no-sharpsan] [--timeout SECONDS]
#
#   --quick        small sizes, 1 repetition (smoke test, well under a minute after the builds)
#   --reps N       best of N runs per cell (default 3)
#   --kernels L    space-separated subset of: lockcounter ownfields partition prodcons interlocked
#   --threads T    threads per kernel (default 2; prodcons needs at least 2)
#   --no-sharpsan  skip building / running SharpSan
#   --timeout S    kill any single run after S seconds (default 300)
#
# Environment: REPS, THREADS, CELL_BUDGET (default 40 s), SHARPSAN_DLL (use this sharpsan.dll, skip
# building the CLI). SHARPSAN_OPTIONS / TSAN_OPTIONS, when set, are passed through unchanged.
# CPU time (user + sys of the process tree, /usr/bin/time) is kept beside the wall time: two columns compare C# plain
# and SharpSan by their best CPU time, which stays readable when other processes load the machine.
# Output: a markdown table on stdout, also written to benchmarks/out/races.md; the stdout/stderr
# of every run in benchmarks/out/logs/races.<kernel>.<column>.<n>.{out,err} (benchmarks/out is git-ignored).
# Exit code: 0, or 1 when a build fails or the C and C# checksums of a kernel differ.

set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/benchmarks"
OUT="$BENCH/out"
BUILD="$OUT/build"
LOGS="$OUT/logs"

REPS=${REPS:-3}
THREADS=${THREADS:-2}
TIMEOUT=300
QUICK=0
DO_SHARPSAN=1
KERNELS="lockcounter ownfields partition prodcons interlocked"
# Stop repeating a cell once its runs have used this many seconds (GCC TSan takes ~5-12 s per
# run); the cell then shows the best of the runs made.
CELL_BUDGET=${CELL_BUDGET:-40}

while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --reps) REPS="$2"; shift ;;
        --kernels) KERNELS="$2"; shift ;;
        --threads) THREADS="$2"; shift ;;
        --no-sharpsan) DO_SHARPSAN=0 ;;
        --timeout) TIMEOUT="$2"; shift ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) echo "races.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done
case "$THREADS" in ''|*[!0-9]*) echo "races.sh: --threads needs a positive number" >&2; exit 2 ;; esac
[ "$THREADS" -ge 1 ] || { echo "races.sh: --threads needs a positive number" >&2; exit 2; }
case "$REPS" in ''|*[!0-9]*|0) echo "races.sh: --reps needs a positive number" >&2; exit 2 ;; esac

# Sizes: full runs take ~0.3-0.6 s per kernel for C plain with 2 threads on a 2.5 GHz Xeon.
#   lockcounter, interlocked: thousands of iterations per thread   ownfields: thousands of steps (256 particles/thread)
#   partition: thousands of array elements (4 rounds x 16 passes)  prodcons: thousands of items per producer
declare -A SIZE=([lockcounter]=2000 [ownfields]=600 [partition]=6000 [prodcons]=800 [interlocked]=5000)
if [ "$QUICK" = 1 ]; then
    SIZE=([lockcounter]=200 [ownfields]=60 [partition]=600 [prodcons]=80 [interlocked]=500)
    REPS=1
fi
for k in $KERNELS; do
    [ -n "${SIZE[$k]:-}" ] || { echo "races.sh: unknown kernel '$k' (known: ${!SIZE[*]})" >&2; exit 2; }
done

log() { echo "[races.sh] $*" >&2; }
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)

mkdir -p "$BUILD" "$LOGS"
rm -f "$LOGS"/races.*

LOG_PREFIX=races.
source "$BENCH/timing.sh"

# measure_kernel KERNEL SIZE COLUMN... -> per column: BEST[col] (best wall s), KB[col] (largest
# peak RSS), LAST[col] (last stdout line), ERR[col] (non-empty when a run failed; "REPORT (exit 66)"
# when a sanitizer reported a race), ERRLOG[col] (the stderr file of the failed run), BCPU[col] (best user+sys s).
# Round robin: repetition 1 of every column, then repetition 2 of every column, ... so that load
# from other processes on the machine hits all columns alike.
declare -A BEST KB LAST ERR ERRLOG SPENT BCPU
measure_kernel() {
    local k="$1" size="$2"; shift 2
    local col r tag
    BEST=() KB=() LAST=() ERR=() ERRLOG=() SPENT=() BCPU=()
    for col in "$@"; do SPENT[$col]=0; done
    for ((r = 1; r <= REPS; r++)); do
        for col in "$@"; do
            [ -z "${ERR[$col]:-}" ] || continue
            if [ "$r" -gt 1 ] && awk -v s="${SPENT[$col]}" -v b="$CELL_BUDGET" 'BEGIN { exit !(s > b) }'; then
                [ "$r" = "$REPS" ] && log "  $k/$col: stopped repeating (${SPENT[$col]}s used, budget ${CELL_BUDGET}s)"
                continue
            fi
            col_cmd "$col" "$k" "$size"
            tag="$k.$col.$r"
            run_once "$tag" "${CMD[@]}"
            LAST[$col]=$(tail -1 "$LOGS/races.$tag.out" 2>/dev/null)
            if [ "$R_RC" != 0 ]; then
                ERRLOG[$col]="$LOGS/races.$tag.err"
                if [ "$R_RC" = 66 ] && { [ "$col" = tsan ] || [ "$col" = sharpsan ]; }; then
                    ERR[$col]="REPORT (exit 66)"
                elif [ "$R_RC" = 124 ]; then
                    ERR[$col]="timed out after ${TIMEOUT}s"
                else
                    ERR[$col]=$(first_error "$LOGS/races.$tag.err")
                    [ -z "${ERR[$col]}" ] && ERR[$col]="exit code $R_RC"
                fi
                continue
            fi
            if [ -z "${BEST[$col]:-}" ] || awk -v a="$R_SECS" -v b="${BEST[$col]}" 'BEGIN { exit !(a < b) }'; then
                BEST[$col]=$R_SECS
            fi
            if [ -n "$R_CPU" ] && { [ -z "${BCPU[$col]:-}" ] || awk -v a="$R_CPU" -v b="${BCPU[$col]}" 'BEGIN { exit !(a < b) }'; }; then
                BCPU[$col]=$R_CPU
            fi
            if [ -n "$R_KB" ] && { [ -z "${KB[$col]:-}" ] || [ "$R_KB" -gt "${KB[$col]}" ]; }; then KB[$col]=$R_KB; fi
            SPENT[$col]=$(awk -v a="${SPENT[$col]}" -v b="$R_SECS" 'BEGIN { print a + b }')
        done
    done
}

mib() { awk -v k="$1" 'BEGIN { m = k / 1024; if (m < 10) printf "%.1f", m; else printf "%.0f", m }'; }
addlog() { awk -v s="$1" -v x="$2" 'BEGIN { print s + log(x) }'; }

# ---------------------------------------------------------------------------------------------
# Builds
log "building C kernels (gcc -O2 -pthread, gcc -O2 -fsanitize=thread -pthread)"
gcc -O2 -pthread -o "$BUILD/races" "$BENCH/c/races.c" || { log "gcc failed"; exit 1; }
gcc -O2 -fsanitize=thread -pthread -o "$BUILD/races-tsan" "$BENCH/c/races.c" \
    || { log "gcc -fsanitize=thread failed"; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log "building C# kernels (dotnet build RaceKernels.csproj -c Release)"
dotnet build "$BENCH/RaceKernels/RaceKernels.csproj" -c Release -v quiet -nologo >"$LOGS/races.build-kernels.log" 2>&1 \
    || { cat "$LOGS/races.build-kernels.log" >&2; log "dotnet build of RaceKernels failed"; exit 1; }
KDLL="$BENCH/RaceKernels/bin/Release/net10.0/RaceKernels.dll"

# GCC TSan self-test: the deliberate race of `races selftest-race` must be reported.
run_once tsan-selftest "$BUILD/races-tsan" selftest-race
if [ "$R_RC" = 66 ] && grep -q 'ThreadSanitizer: data race' "$LOGS/races.tsan-selftest.err"; then
    TSAN_VERIFIED=yes
else
    TSAN_VERIFIED="no (exit code $R_RC)"
    log "  WARNING: GCC TSan did not report the deliberate race of 'selftest-race'"
fi

# SharpSan: build the CLI, instrument RaceKernels.dll with --sanitize thread into a separate
# folder and time the instrumented program itself. SS_FAIL holds a reason when that is not possible
# (e.g. a CLI without the thread sanitizer: "--sanitize thread is not implemented ...").
SS_FAIL="" SS_OK=0 SS_VERIFIED="n/a"
SS_DIR="$OUT/racekernels-sharpsan"
if [ "$DO_SHARPSAN" = 0 ]; then
    SS_FAIL="skipped (--no-sharpsan)"
else
    SHARPSAN_DLL=${SHARPSAN_DLL:-}
    if [ -z "$SHARPSAN_DLL" ]; then
        log "building SharpSan CLI (dotnet build src/SharpSan.Cli -c Release)"
        # One retry: a concurrent build of the same projects (obj/ file locks) can fail spuriously.
        if dotnet build "$ROOT/src/SharpSan.Cli" -c Release -v quiet -nologo >"$LOGS/races.build-sharpsan.log" 2>&1 \
            || { sleep 5; dotnet build "$ROOT/src/SharpSan.Cli" -c Release -v quiet -nologo >"$LOGS/races.build-sharpsan.log" 2>&1; }; then
            SHARPSAN_DLL="$ROOT/src/SharpSan.Cli/bin/Release/net10.0/sharpsan.dll"
        else
            cat "$LOGS/races.build-sharpsan.log" >&2
            log "dotnet build of the SharpSan CLI failed"
            exit 1
        fi
    fi
    if [ ! -f "$SHARPSAN_DLL" ]; then SS_FAIL="no $SHARPSAN_DLL"; fi
    if [ -z "$SS_FAIL" ]; then
        log "instrumenting RaceKernels.dll (sharpsan instrument --sanitize thread --output $SS_DIR)"
        rm -rf "$SS_DIR"
        run_once ss-instrument dotnet "$SHARPSAN_DLL" instrument "$KDLL" --sanitize thread --output "$SS_DIR"
        if [ "$R_RC" = 0 ] && [ -f "$SS_DIR/RaceKernels.dll" ]; then
            log "  instrumented in ${R_SECS}s"
            SS_OK=1
        elif [ "$R_RC" = 0 ]; then
            SS_FAIL="sharpsan instrument wrote no $SS_DIR/RaceKernels.dll"
        else
            SS_FAIL=$(first_error "$LOGS/races.ss-instrument.err")
            [ -z "$SS_FAIL" ] && SS_FAIL="sharpsan instrument: exit code $R_RC"
        fi
    fi
    if [ "$SS_OK" = 1 ]; then
        # Are the race checks live? The deliberate race of `selftest-race` must be reported.
        run_once ss-selftest dotnet "$SS_DIR/RaceKernels.dll" selftest-race
        if [ "$R_RC" = 66 ] && grep -q 'ThreadSanitizer: data race' "$LOGS/races.ss-selftest.err"; then
            SS_VERIFIED=yes
        else
            SS_VERIFIED="no (exit code $R_RC)"
            log "  WARNING: SharpSan did not report the deliberate race of 'selftest-race'"
        fi
        log "SharpSan: instrumented, race self-test reported: $SS_VERIFIED"
    else
        log "SharpSan unavailable: $SS_FAIL"
    fi
fi

col_cmd() { # COLUMN KERNEL SIZE -> CMD, the command line of one run
    case "$1" in
        c) CMD=("$BUILD/races" "$2" "$3" "$THREADS") ;;
        tsan) CMD=("$BUILD/races-tsan" "$2" "$3" "$THREADS") ;;
        cs) CMD=(dotnet "$KDLL" "$2" "$3" "$THREADS") ;;
        sharpsan) CMD=(dotnet "$SS_DIR/RaceKernels.dll" "$2" "$3" "$THREADS") ;;
    esac
}

# stats_of FILE -> "o1% same_epoch%" from SharpSan's race_stats line, or nothing.
#   ==<pid>==ThreadSanitizer: stats: accesses=<N> o1=<N> (<P>%) same_epoch=<N> (<P>%)
stats_of() {
    sed -n -E 's/^==[0-9]+==ThreadSanitizer: stats: accesses=[0-9]+ o1=[0-9]+ \(([0-9.]+)%\) same_epoch=[0-9]+ \(([0-9.]+)%\).*/\1 \2/p' "$1" | tail -1
}

# ---------------------------------------------------------------------------------------------
# Runs
ROWS=()
NOTES=()
LS_TSAN=0 LS_SS=0 LS_REL=0 LS_MT=0 LS_MS=0 LS_CPU=0 N_TSAN=0 N_SS=0 N_REL=0 N_MT=0 N_MS=0 N_CPU=0
FAILED=0
STATS_OPTIONS="${SHARPSAN_OPTIONS:+$SHARPSAN_OPTIONS:}race_stats=1"

# sanitized_cell COLUMN C_SUM LABEL -> S_CELL (time cell), S_SECS, S_KB (set when the run is usable)
sanitized_cell() {
    local col="$1" want="$2" label="$3"
    S_SECS="" S_KB=""
    if [ -n "${ERR[$col]:-}" ]; then
        if [ "${ERR[$col]}" = "REPORT (exit 66)" ]; then
            S_CELL="REPORT (exit 66)"
            NOTES+=("$k: $label reported a race in a race-free kernel (false positive or kernel bug): see ${ERRLOG[$col]#"$ROOT/"}")
        else
            S_CELL="n/a ($label failed: ${ERR[$col]})"
            NOTES+=("$k: $label failed: see ${ERRLOG[$col]#"$ROOT/"}")
        fi
    elif [ "$(checksum_of "${LAST[$col]}")" != "$want" ]; then
        S_CELL="n/a ($label: wrong output: $(printf '%s' "${LAST[$col]:0:80}" | tr '|' '/'))"
        NOTES+=("$k: $label printed a different checksum than C plain")
    else
        S_SECS=${BEST[$col]} S_KB=${KB[$col]:-}
        S_CELL=$S_SECS
    fi
}

for k in $KERNELS; do
    size=${SIZE[$k]}
    if [ "$k" = prodcons ] && [ "$THREADS" -lt 2 ]; then
        log "kernel $k skipped: needs at least 2 threads"
        NOTES+=("prodcons skipped: it needs at least 2 threads (--threads $THREADS)")
        continue
    fi
    log "kernel $k (size $size, $THREADS threads)"

    cols=(c tsan cs)
    [ "$SS_OK" = 1 ] && cols+=(sharpsan)
    measure_kernel "$k" "$size" "${cols[@]}"

    if [ -n "${ERR[c]:-}" ] || [ -n "${ERR[cs]:-}" ]; then
        [ -n "${ERR[c]:-}" ] && NOTES+=("$k: C plain failed: ${ERR[c]}")
        [ -n "${ERR[cs]:-}" ] && NOTES+=("$k: C# plain failed: ${ERR[cs]}")
        ROWS+=("| $k (FAILED) | ${BEST[c]:-n/a} | | ${BEST[cs]:-n/a} | | | | | | | | | | |")
        FAILED=1
        continue
    fi
    c_s=${BEST[c]} c_kb=${KB[c]:-} c_sum=$(checksum_of "${LAST[c]}")
    cs_s=${BEST[cs]} cs_kb=${KB[cs]:-} cs_sum=$(checksum_of "${LAST[cs]}")
    kname="$k"
    if [ -z "$c_sum" ] || [ "$cs_sum" != "$c_sum" ]; then
        NOTES+=("$k: C# checksum '$cs_sum' differs from C checksum '$c_sum'")
        kname="$k (checksum MISMATCH)"
        FAILED=1
    fi

    # GCC TSan
    sanitized_cell tsan "$c_sum" "GCC TSan"
    t_cell=$S_CELL t_s=$S_SECS t_kb=$S_KB t_x="" t_cellx="n/a" mt_cell="n/a"
    if [ -n "$t_s" ]; then
        t_x=$(ratio "$t_s" "$c_s"); t_cellx="$t_x×"
        LS_TSAN=$(addlog "$LS_TSAN" "$t_x"); N_TSAN=$((N_TSAN + 1))
        if [ -n "$t_kb" ] && [ -n "$c_kb" ]; then
            mt=$(ratio "$t_kb" "$c_kb")
            mt_cell="$mt× ($(mib "$c_kb")→$(mib "$t_kb") MiB)"
            LS_MT=$(addlog "$LS_MT" "$mt"); N_MT=$((N_MT + 1))
        fi
    fi

    # SharpSan
    s_x="" s_cellx="n/a" ms_cell="n/a" o1="n/a" se="n/a" cpu_cell="n/a" cpu_x="n/a"
    if [ "$SS_OK" != 1 ]; then
        s_cell="n/a ($SS_FAIL)"
    else
        sanitized_cell sharpsan "$c_sum" "SharpSan"
        s_cell=$S_CELL s_s=$S_SECS s_kb=$S_KB
        if [ -n "$s_s" ]; then
            s_x=$(ratio "$s_s" "$cs_s"); s_cellx="$s_x×"
            if [ -n "${BCPU[sharpsan]:-}" ] && [ -n "${BCPU[cs]:-}" ]; then
                cpu_cell="${BCPU[cs]} → ${BCPU[sharpsan]}"
                cx=$(ratio "${BCPU[sharpsan]}" "${BCPU[cs]}")
                if [ "$cx" != "?" ]; then
                    cpu_x="$cx×"
                    LS_CPU=$(addlog "$LS_CPU" "$cx"); N_CPU=$((N_CPU + 1))
                fi
            fi
            LS_SS=$(addlog "$LS_SS" "$s_x"); N_SS=$((N_SS + 1))
            if [ -n "$s_kb" ] && [ -n "$cs_kb" ]; then
                ms=$(ratio "$s_kb" "$cs_kb")
                ms_cell="$ms× ($(mib "$cs_kb")→$(mib "$s_kb") MiB)"
                LS_MS=$(addlog "$LS_MS" "$ms"); N_MS=$((N_MS + 1))
            fi
        fi
        # Fast-path counters: one extra, untimed run with race_stats=1.
        col_cmd sharpsan "$k" "$size"
        run_once "$k.stats" env SHARPSAN_OPTIONS="$STATS_OPTIONS" "${CMD[@]}"
        st=$(stats_of "$LOGS/races.$k.stats.err")
        if [ -n "$st" ]; then
            read -r o1 se <<<"$st"
        else
            log "  $k: no race_stats line from SharpSan (exit code $R_RC; see logs/races.$k.stats.err)"
        fi
    fi

    rel_cell="n/a"
    if [ -n "$s_x" ] && [ -n "$t_x" ]; then
        rel=$(ratio "$s_x" "$t_x")
        rel_cell="$rel"
        LS_REL=$(addlog "$LS_REL" "$rel"); N_REL=$((N_REL + 1))
    fi

    ROWS+=("| $kname | $c_s | $t_cell | $cs_s | $s_cell | $t_cellx | $s_cellx | $rel_cell | $mt_cell | $ms_cell | $o1 | $se | $cpu_cell | $cpu_x |")
done

geo() { # logsum n [suffix] -> geometric mean or blank
    if [ "$2" -gt 0 ]; then awk -v s="$1" -v n="$2" -v x="${3:-}" 'BEGIN { printf "%.2f%s", exp(s / n), x }'; else echo ""; fi
}

# ---------------------------------------------------------------------------------------------
# Report
{
    echo "## SharpSan race benchmarks ($(date -u '+%Y-%m-%d %H:%M UTC'))"
    echo
    cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
    echo "Machine: $(nproc) cores, ${cpu:-unknown CPU}, load average at start $LOAD_AT_START, at the end $(cut -d' ' -f1-3 /proc/loadavg);" \
         "gcc $(gcc -dumpfullversion), .NET $(dotnet --version). Threads per kernel: $THREADS."
    echo "Wall time: best of $REPS run(s), whole process including startup; the columns run round robin (repetition 1 of each, then repetition 2, ...)." \
         "Peak memory: largest max-RSS over the runs (/usr/bin/time %M). CPU: best user+sys over the runs (/usr/bin/time %U %S), whole process tree; reads under load where wall time does not."
    [ "$QUICK" = 1 ] && echo "**--quick mode: small sizes, 1 repetition; do not quote these numbers.**"
    echo "GCC TSan: \`gcc -O2 -fsanitize=thread -pthread\`; it reported the deliberate race of \`races selftest-race\`: $TSAN_VERIFIED."
    if [ "$SS_OK" = 1 ]; then
        echo "SharpSan: \`sharpsan instrument RaceKernels.dll --sanitize thread --output out/racekernels-sharpsan\`, then \`dotnet out/racekernels-sharpsan/RaceKernels.dll <kernel> <size> <threads>\` is timed (instrumentation not included);" \
             "it reported the deliberate race of \`RaceKernels selftest-race\`: $SS_VERIFIED. O(1) % and same-epoch % come from one extra untimed run with \`SHARPSAN_OPTIONS=race_stats=1\`."
    else
        echo "SharpSan: not measured: $SS_FAIL"
    fi
    echo
    echo "Sizes: $(for k in $KERNELS; do printf '%s=%s ' "$k" "${SIZE[$k]}"; done)"
    echo
    echo "| kernel | C plain s | C TSan s | C# plain s | C# SharpSan s | TSan× | SharpSan× | SharpSan× / TSan× | peak mem TSan / C plain | peak mem SharpSan / C# plain | O(1) % | same-epoch % | CPU s C# plain → SharpSan | SharpSan× by CPU |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    for row in "${ROWS[@]}"; do echo "$row"; done
    echo "| geomean | | | | | $(geo "$LS_TSAN" "$N_TSAN" ×) | $(geo "$LS_SS" "$N_SS" ×) | $(geo "$LS_REL" "$N_REL") | $(geo "$LS_MT" "$N_MT" ×) | $(geo "$LS_MS" "$N_MS" ×) | | | | $(geo "$LS_CPU" "$N_CPU" ×) |"
    echo
    echo "× = slowdown against the plain build of the same language (TSan against C plain, SharpSan against C# plain)."
    echo "SharpSan× / TSan× < 1 means SharpSan slows C# down less than GCC TSan slows C down (design goals: SharpSan× ≤ 2.5, SharpSan× / TSan× ≤ 0.5, memory ≤ 2×)."
    echo "REPORT (exit 66) = the sanitizer reported a race in a race-free kernel; its log is kept in out/logs."
    for note in "${NOTES[@]}"; do echo; echo "**Note:** $note"; done
} | tee "$OUT/races.md"

log "table written to $OUT/races.md; logs of every run in $LOGS/races.*"
[ "$FAILED" = 0 ] || { log "C/C# checksum mismatch or a plain run failed (see notes)"; exit 1; }
exit 0
