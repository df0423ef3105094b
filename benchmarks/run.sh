#!/usr/bin/env bash
# SharpSan benchmarks: the same five kernels in C and C#, side by side:
#   C plain | C + GCC ASan | C under Valgrind memcheck | C# plain | C# under SharpSan (address)
# With --sanitize memory the C sanitizer columns are clang-14 MSan, without and with origins:
#   C plain | C + clang MSan | C + clang MSan track-origins | [valgrind] | C# plain | C# under SharpSan (memory)
#
# usage: bash benchmarks/run.sh [--quick] [--reps N] [--kernels "checksum lz ..."]
#                               [--no-valgrind] [--no-sharpsan] [--timeout SECONDS]
#
#   --quick        small sizes, 1 repetition (smoke test, well under a minute after the builds)
#   --reps N       best of N runs per cell (default 3; valgrind always runs once, see VG_REPS)
#   --median       each cell shows the median of its runs instead of the best (for a loaded, shared machine)
#   --kernels L    space-separated subset of: checksum lz matmul hashmap memcpy stackbuf arraymatmul poolbuf
#   --no-valgrind  skip the valgrind column
#   --no-sharpsan  skip building / running SharpSan
#   --timeout S    kill any single run after S seconds (default 300)
#   --sanitize M   the SharpSan column's mode: address (default), guard (production sampling, default options)
#                  or memory (compared with clang-14 -O2 -fsanitize=memory, with and without
#                  -fsanitize-memory-track-origins; installs clang-14 and libclang-rt-14-dev with apt-get
#                  when missing). The kernels are correct programs: a memory report from SharpSan on one
#                  is a false positive, and that kernel is left out of the table with a note.
#                  address,memory: both SharpSan checkers in one run (no C peer can do both; the C column
#                  is GCC ASan), to set against the address and memory runs' SharpSan columns.
#
# Environment: REPS, VG_REPS (default 1), SHARPSAN_DLL (use this sharpsan.dll, skip building the CLI).
# Output: a markdown table on stdout, also written to benchmarks/out/results.md
# (benchmarks/out is git-ignored and also holds the builds and the logs of every run).

set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/benchmarks"
OUT="$BENCH/out"
BUILD="$OUT/build"
LOGS="$OUT/logs"

REPS=${REPS:-3}
VG_REPS=${VG_REPS:-1}
TIMEOUT=300
QUICK=0
DO_VALGRIND=1
DO_SHARPSAN=1
KERNELS="checksum lz matmul hashmap memcpy stackbuf arraymatmul poolbuf"
# Stop repeating a cell once its runs have used this many seconds (keeps the script bounded
# when something is very slow); the cell then shows the best of the runs made.
CELL_BUDGET=${CELL_BUDGET:-40}
SS_SANITIZE=address
STAT=best

while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --reps) REPS="$2"; shift ;;
        --kernels) KERNELS="$2"; shift ;;
        --no-valgrind) DO_VALGRIND=0 ;;
        --no-sharpsan) DO_SHARPSAN=0 ;;
        --timeout) TIMEOUT="$2"; shift ;;
        --sanitize) SS_SANITIZE="$2"; shift ;;
        --median) STAT=median ;;
        -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done

# Sizes: full runs take ~0.3-0.6 s per kernel for C plain on a 2.5 GHz Xeon.
#   checksum: MiB of buffer (4 passes)      lz: MiB of input (3 compress+decompress rounds)
#   matmul: n for n x n doubles (6 reps)    hashmap, memcpy: thousands of operations / copies
declare -A SIZE=([checksum]=64 [lz]=16 [matmul]=384 [hashmap]=1500 [memcpy]=3000 [stackbuf]=1000 [arraymatmul]=384 [poolbuf]=400)
if [ "$QUICK" = 1 ]; then
    SIZE=([checksum]=8 [lz]=2 [matmul]=160 [hashmap]=200 [memcpy]=300 [stackbuf]=100 [arraymatmul]=160 [poolbuf]=40)
    REPS=1
fi

log() { echo "[run.sh] $*" >&2; }

mkdir -p "$BUILD" "$LOGS"
rm -f "$LOGS"/*

source "$BENCH/timing.sh"

# measure_kernel KERNEL SIZE COLUMN... -> per column: BEST[col] (best wall s, or with --median the median), KB[col] (largest
# peak RSS), LAST[col] (last stdout line), ERR[col] (non-empty when a run failed).
# Round robin: repetition 1 of every column, then repetition 2 of every column, ... so that load
# from other processes on the machine hits all columns alike. A column stops repeating once its
# runs have used CELL_BUDGET seconds.
declare -A BEST KB LAST ERR SPENT TIMES
measure_kernel() {
    local k="$1" size="$2"; shift 2
    local col r n maxreps=$REPS
    BEST=() KB=() LAST=() ERR=() SPENT=() TIMES=()
    [ "$VG_REPS" -gt "$maxreps" ] && maxreps=$VG_REPS
    for col in "$@"; do SPENT[$col]=0; done
    for ((r = 1; r <= maxreps; r++)); do
        for col in "$@"; do
            n=$REPS
            [ "$col" = valgrind ] && n=$VG_REPS
            [ "$r" -le "$n" ] || continue
            [ -z "${ERR[$col]:-}" ] || continue
            if [ "$r" -gt 1 ] && awk -v s="${SPENT[$col]}" -v b="$CELL_BUDGET" 'BEGIN { exit !(s > b) }'; then
                [ "$r" = "$n" ] && log "  $k/$col: stopped repeating (${SPENT[$col]}s used, budget ${CELL_BUDGET}s)"
                continue
            fi
            col_cmd "$col" "$k" "$size"
            run_once "$k.$col.$r" "${CMD[@]}"
            LAST[$col]=$(tail -1 "$LOGS/$k.$col.$r.out" 2>/dev/null)
            if [ "$R_RC" != 0 ]; then
                ERR[$col]=$(first_error "$LOGS/$k.$col.$r.err")
                [ "$R_RC" = 124 ] && ERR[$col]="timed out after ${TIMEOUT}s"
                [ -z "${ERR[$col]}" ] && ERR[$col]="exit code $R_RC"
                continue
            fi
            if [ -z "${BEST[$col]:-}" ] || awk -v a="$R_SECS" -v b="${BEST[$col]}" 'BEGIN { exit !(a < b) }'; then
                BEST[$col]=$R_SECS
            fi
            TIMES[$col]="${TIMES[$col]:-} $R_SECS"
            if [ -n "$R_KB" ] && { [ -z "${KB[$col]:-}" ] || [ "$R_KB" -gt "${KB[$col]}" ]; }; then KB[$col]=$R_KB; fi
            SPENT[$col]=$(awk -v a="${SPENT[$col]}" -v b="$R_SECS" 'BEGIN { print a + b }')
        done
    done
    if [ "$STAT" = median ]; then
        for col in "$@"; do
            [ -n "${TIMES[$col]:-}" ] || continue
            BEST[$col]=$(tr ' ' '\n' <<<"${TIMES[$col]}" | grep -v '^$' | sort -g \
                | awk '{ t[NR] = $1 } END { if (NR % 2) print t[(NR + 1) / 2]; else printf "%.3f", (t[NR / 2] + t[NR / 2 + 1]) / 2 }')
        done
    fi
}


mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

case "$SS_SANITIZE" in
    address|guard|memory|address,memory) ;;
    *) log "--sanitize $SS_SANITIZE: this harness knows address, guard, memory and address,memory"; exit 2 ;;
esac

# The C sanitizer columns compared with the SharpSan column: GCC ASan, or for memory mode clang-14
# MSan without (msan) and with (msano) origin tracking. CSAN_LABEL: the column titles.
declare -A CSAN_LABEL=([asan]="C ASan" [msan]="C clang MSan" [msano]="C clang MSan origins")
if [ "$SS_SANITIZE" = memory ]; then CSAN_COLS=(msan msano); else CSAN_COLS=(asan); fi

# ---------------------------------------------------------------------------------------------
# Builds
log "building C kernels (gcc -O2)"
gcc -O2 -o "$BUILD/kernels" "$BENCH/c/kernels.c" || { log "gcc failed"; exit 1; }
C_PLAIN="$BUILD/kernels" C_PLAIN_CC="gcc -O2"
if [ "$SS_SANITIZE" = memory ]; then
    # clang-14's MSan runtime lives in libclang-rt-14-dev (Debian 12); install what is missing.
    CLANG=clang-14
    MSAN_RT=$(ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.msan-x86_64.a 2>/dev/null | head -1)
    if ! command -v "$CLANG" >/dev/null || [ -z "$MSAN_RT" ]; then
        log "installing clang-14 libclang-rt-14-dev (apt-get)"
        SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
        { $SUDO apt-get install -y -qq clang-14 libclang-rt-14-dev \
            || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq clang-14 libclang-rt-14-dev; }; } \
            >"$LOGS/apt-get.log" 2>&1 || { tail -5 "$LOGS/apt-get.log" >&2; log "apt-get install clang-14 libclang-rt-14-dev failed"; exit 1; }
    fi
    log "building C kernels (clang-14 -O2 -fsanitize=memory, and with -fsanitize-memory-track-origins)"
    $CLANG -O2 -fsanitize=memory -fno-omit-frame-pointer -o "$BUILD/kernels-msan" "$BENCH/c/kernels.c" \
        || { log "clang-14 -fsanitize=memory failed"; exit 1; }
    $CLANG -O2 -fsanitize=memory -fsanitize-memory-track-origins -fno-omit-frame-pointer \
        -o "$BUILD/kernels-msano" "$BENCH/c/kernels.c" \
        || { log "clang-14 -fsanitize=memory -fsanitize-memory-track-origins failed"; exit 1; }
    # C plain is clang-14 -O2 too, so MSan's × is the cost of the instrumentation alone.
    log "building C kernels (clang-14 -O2): the C plain column of memory mode"
    $CLANG -O2 -o "$BUILD/kernels-clang" "$BENCH/c/kernels.c" || { log "clang-14 -O2 failed"; exit 1; }
    C_PLAIN="$BUILD/kernels-clang" C_PLAIN_CC="clang-14 -O2"
else
    log "building C kernels (gcc -O2 -fsanitize=address)"
    gcc -O2 -fsanitize=address -fno-omit-frame-pointer -o "$BUILD/kernels-asan" "$BENCH/c/kernels.c" \
        || { log "gcc -fsanitize=address failed"; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log "building C# kernels (dotnet build -c Release)"
dotnet build "$BENCH/Kernels/Kernels.csproj" -c Release -v quiet -nologo >"$LOGS/build-kernels.log" 2>&1 \
    || { cat "$LOGS/build-kernels.log" >&2; log "dotnet build of Kernels failed"; exit 1; }
KDLL="$BENCH/Kernels/bin/Release/net10.0/Kernels.dll"

HAVE_VALGRIND=0
if [ "$DO_VALGRIND" = 1 ]; then
    if command -v valgrind >/dev/null; then HAVE_VALGRIND=1; else log "valgrind not found: column skipped"; fi
fi

# SharpSan: build the CLI, instrument Kernels.dll into a separate folder and time the
# instrumented program itself (mode "instrument"); if that output cannot be run, fall back to
# `sharpsan run` after one warm-up run (mode "run"). SS_FAIL holds a reason when neither works.
SS_FAIL="" SS_MODE="" SS_VERIFIED="no"
SS_DIR="$OUT/kernels-sharpsan-$SS_SANITIZE"
if [ "$DO_SHARPSAN" = 0 ]; then
    SS_FAIL="skipped (--no-sharpsan)"
else
    SHARPSAN_DLL=${SHARPSAN_DLL:-}
    if [ -z "$SHARPSAN_DLL" ]; then
        log "building SharpSan CLI (dotnet build src/SharpSan.Cli -c Release)"
        # One retry: a concurrent build of the same projects (obj/ file locks) can fail spuriously.
        if dotnet build "$ROOT/src/SharpSan.Cli" -c Release -v quiet -nologo >"$LOGS/build-sharpsan.log" 2>&1 \
            || { sleep 5; dotnet build "$ROOT/src/SharpSan.Cli" -c Release -v quiet -nologo >"$LOGS/build-sharpsan.log" 2>&1; }; then
            SHARPSAN_DLL="$ROOT/src/SharpSan.Cli/bin/Release/net10.0/sharpsan.dll"
        else
            SS_FAIL="build failed: $(grep -m1 -E 'error' "$LOGS/build-sharpsan.log" | sed 's/^ *//' | cut -c1-160 | tr '|' '/')"
        fi
    fi
    if [ -z "$SS_FAIL" ] && [ ! -f "$SHARPSAN_DLL" ]; then SS_FAIL="no $SHARPSAN_DLL"; fi
    if [ -z "$SS_FAIL" ]; then
        log "instrumenting Kernels.dll (sharpsan instrument --sanitize $SS_SANITIZE --output $SS_DIR)"
        rm -rf "$SS_DIR"
        run_once ss-instrument dotnet "$SHARPSAN_DLL" instrument "$KDLL" --sanitize $SS_SANITIZE --output "$SS_DIR"
        if [ "$R_RC" = 0 ] && [ -f "$SS_DIR/Kernels.dll" ]; then
            log "  instrumented in ${R_SECS}s"
            run_once ss-probe dotnet "$SS_DIR/Kernels.dll" checksum 1
            if [ "$R_RC" = 0 ] && grep -q 'checksum=' "$LOGS/ss-probe.out"; then
                SS_MODE=instrument
            else
                log "  instrumented Kernels.dll does not run ($(first_error "$LOGS/ss-probe.err")); falling back to 'sharpsan run'"
            fi
        else
            log "  'sharpsan instrument' failed ($(first_error "$LOGS/ss-instrument.err")); falling back to 'sharpsan run'"
        fi
        if [ -z "$SS_MODE" ]; then
            run_once ss-probe dotnet "$SHARPSAN_DLL" run --sanitize $SS_SANITIZE -- "$KDLL" checksum 1
            if [ "$R_RC" = 0 ] && grep -q 'checksum=' "$LOGS/ss-probe.out"; then
                SS_MODE=run
            else
                SS_FAIL=$(first_error "$LOGS/ss-probe.err")
                [ -z "$SS_FAIL" ] && SS_FAIL="exit code $R_RC, no output"
            fi
        fi
    fi
    if [ -n "$SS_MODE" ]; then
        # Are the checks live? A deliberate 1-byte heap overflow must be reported (memory mode: a
        # branch on an uninitialised byte of a NativeMemory block).
        SELFTEST=selftest-overflow SELFTEST_RE='AddressSanitizer: heap-buffer-overflow'
        [ "$SS_SANITIZE" = memory ] && SELFTEST=selftest-uninit SELFTEST_RE='MemorySanitizer: use-of-uninitialized-value'
        if [ "$SS_MODE" = instrument ]; then
            # guard samples 1 allocation in 5000: the self-test asks it to guard every one.
            SHARPSAN_OPTIONS=$([ "$SS_SANITIZE" = guard ] && echo guard_sample_rate=1) run_once ss-selftest dotnet "$SS_DIR/Kernels.dll" $SELFTEST
        else
            SHARPSAN_OPTIONS=$([ "$SS_SANITIZE" = guard ] && echo guard_sample_rate=1) run_once ss-selftest dotnet "$SHARPSAN_DLL" run --sanitize $SS_SANITIZE -- "$KDLL" $SELFTEST
        fi
        if grep -q "$SELFTEST_RE" "$LOGS/ss-selftest.err"; then
            SS_VERIFIED=yes
        else
            log "  WARNING: SharpSan did not report the deliberate bug in '$SELFTEST'"
        fi
        log "SharpSan mode: $SS_MODE, $SELFTEST reported: $SS_VERIFIED"
    else
        log "SharpSan unavailable: $SS_FAIL"
    fi
fi

col_cmd() { # COLUMN KERNEL SIZE -> CMD, the command line of one run
    case "$1" in
        c) CMD=("$C_PLAIN" "$2" "$3") ;;
        asan) CMD=("$BUILD/kernels-asan" "$2" "$3") ;;
        msan) CMD=("$BUILD/kernels-msan" "$2" "$3") ;;
        msano) CMD=("$BUILD/kernels-msano" "$2" "$3") ;;
        valgrind) CMD=(valgrind -q --tool=memcheck --leak-check=no "$C_PLAIN" "$2" "$3") ;;
        cs) CMD=(dotnet "$KDLL" "$2" "$3") ;;
        sharpsan|sharpsan0)
            if [ "$SS_MODE" = instrument ]; then
                CMD=(dotnet "$SS_DIR/Kernels.dll" "$2" "$3")
            else
                CMD=(dotnet "$SHARPSAN_DLL" run --sanitize $SS_SANITIZE -- "$KDLL" "$2" "$3")
            fi
            # sharpsan0: memory mode with origins off (track_origins=0), for the "origins cost" column.
            [ "$1" = sharpsan0 ] && CMD=(env SHARPSAN_OPTIONS=track_origins=0 "${CMD[@]}") ;;
    esac
}

# ---------------------------------------------------------------------------------------------
# Runs
export ASAN_OPTIONS=detect_leaks=0
ROWS=()
NOTES=()
declare -A LOGSUM N   # per sanitizer column: sum of log(×) and count (sharpsan, valgrind, each of CSAN_COLS, rel-<col>)
for col in sharpsan sharpsan0 origins valgrind "${CSAN_COLS[@]}"; do LOGSUM[$col]=0 N[$col]=0 LOGSUM[rel-$col]=0 N[rel-$col]=0; done
MISMATCH=0
FALSE_POSITIVES=0
FP_FILE="$OUT/false-positives-$SS_SANITIZE.txt"
rm -f "$FP_FILE"

addlog() { # COLUMN X -> adds log(X) to the column's geomean
    LOGSUM[$1]=$(awk -v s="${LOGSUM[$1]}" -v x="$2" 'BEGIN { print s + log(x) }'); N[$1]=$((N[$1] + 1))
}

for k in $KERNELS; do
    size=${SIZE[$k]:-}
    if [ -z "$size" ]; then log "unknown kernel '$k'"; exit 2; fi
    log "kernel $k (size $size)"

    cols=(c "${CSAN_COLS[@]}" cs)
    [ "$HAVE_VALGRIND" = 1 ] && cols+=(valgrind)
    if [ -n "$SS_MODE" ]; then
        cols+=(sharpsan)
        [ "$SS_SANITIZE" = memory ] && cols+=(sharpsan0)
        if [ "$SS_MODE" = run ]; then col_cmd sharpsan "$k" "$size"; run_once "$k.sharpsan.warmup" "${CMD[@]}"; fi
    fi
    measure_kernel "$k" "$size" "${cols[@]}"

    [ -z "${ERR[c]:-}" ] || { log "C plain failed: ${ERR[c]}"; exit 1; }
    [ -z "${ERR[cs]:-}" ] || { log "C# plain failed: ${ERR[cs]}"; exit 1; }
    c_s=${BEST[c]} c_kb=${KB[c]:-} c_sum=$(checksum_of "${LAST[c]}")
    cs_s=${BEST[cs]} cs_kb=${KB[cs]:-} cs_sum=$(checksum_of "${LAST[cs]}")
    if [ "$cs_sum" != "$c_sum" ]; then
        NOTES+=("$k: C# checksum $cs_sum differs from C checksum $c_sum")
        MISMATCH=1
    fi

    # The kernels are correct programs: any SharpSan report on one is a false positive. The kernel
    # leaves the table (with a note and the report saved), never silently.
    fp_log=""
    if [ -n "$SS_MODE" ]; then
        fp_log=$(grep -l -E '^==[0-9]+==(WARNING|ERROR): |^SUMMARY: ' "$LOGS/$k".sharpsan.*.err 2>/dev/null | head -1)
    fi
    if [ -n "$fp_log" ]; then
        FALSE_POSITIVES=$((FALSE_POSITIVES + 1))
        summary=$(grep -m1 '^SUMMARY: ' "$fp_log" | tr '|' '/')
        { echo "=== $k ($(basename "$fp_log")) ==="; cat "$fp_log"; echo; } >>"$FP_FILE"
        NOTES+=("$k: excluded — SharpSan ($SS_SANITIZE) reported on this correct kernel, a false positive: \`${summary:-$(first_error "$fp_log")}\` (full report in benchmarks/out/$(basename "$FP_FILE"))")
        ROWS+=("| $k | excluded: SharpSan false positive (see note) |")
        log "  FALSE POSITIVE: SharpSan reported on $k: ${summary:-see $fp_log}"
        continue
    fi

    # C sanitizer columns (× against C plain)
    declare -A X=() SKB=()
    csan_cells=""
    for col in "${CSAN_COLS[@]}"; do
        if [ -z "${ERR[$col]:-}" ]; then
            SKB[$col]=${KB[$col]:-}
            [ "$(checksum_of "${LAST[$col]}")" = "$c_sum" ] || { NOTES+=("$k: ${CSAN_LABEL[$col]} checksum differs"); MISMATCH=1; }
            X[$col]=$(ratio "${BEST[$col]}" "$c_s")
            csan_cells+=" ${BEST[$col]} (${X[$col]}×) |"
            addlog "$col" "${X[$col]}"
        else
            csan_cells+=" n/a ($col failed: ${ERR[$col]}) |"
        fi
    done

    vg_cell="skipped"
    if [ "$HAVE_VALGRIND" = 1 ]; then
        if [ -z "${ERR[valgrind]:-}" ]; then
            [ "$(checksum_of "${LAST[valgrind]}")" = "$c_sum" ] || { NOTES+=("$k: valgrind checksum differs"); MISMATCH=1; }
            vg_x=$(ratio "${BEST[valgrind]}" "$c_s")
            vg_cell="${BEST[valgrind]} ($vg_x×)"
            addlog valgrind "$vg_x"
        else
            vg_cell="n/a (valgrind failed: ${ERR[valgrind]})"
        fi
    fi

    ss_s="" ss_kb="" ss_x=""
    if [ -z "$SS_MODE" ]; then
        ss_cell="n/a (sharpsan failed: $SS_FAIL)"
    elif [ -n "${ERR[sharpsan]:-}" ]; then
        ss_cell="n/a (sharpsan failed: ${ERR[sharpsan]})"
    elif [ "$(checksum_of "${LAST[sharpsan]}")" != "$c_sum" ]; then
        ss_cell="n/a (sharpsan: wrong output: $(printf '%s' "${LAST[sharpsan]:0:80}" | tr '|' '/'))"
    else
        ss_s=${BEST[sharpsan]} ss_kb=${KB[sharpsan]:-}
        ss_x=$(ratio "$ss_s" "$cs_s")
        ss_cell="$ss_s ($ss_x×)"
        addlog sharpsan "$ss_x"
    fi

    # Memory mode: the same run with track_origins=0, and what origins cost on top of it (goal: ≤ 1.5×).
    ss0_cells=""
    if [ "$SS_SANITIZE" = memory ]; then
        if [ -n "$ss_x" ] && [ -z "${ERR[sharpsan0]:-}" ] && [ "$(checksum_of "${LAST[sharpsan0]}")" = "$c_sum" ]; then
            ss0_x=$(ratio "${BEST[sharpsan0]}" "$cs_s")
            origins_x=$(ratio "$ss_s" "${BEST[sharpsan0]}")
            ss0_cells=" ${BEST[sharpsan0]} ($ss0_x×) | $origins_x |"
            addlog sharpsan0 "$ss0_x"
            addlog origins "$origins_x"
        else
            ss0_cells=" n/a | n/a |"
        fi
    fi

    rel_cells=""
    for col in "${CSAN_COLS[@]}"; do
        if [ -n "$ss_x" ] && [ -n "${X[$col]:-}" ]; then
            rel=$(ratio "$ss_x" "${X[$col]}")
            rel_cells+=" $rel |"
            addlog "rel-$col" "$rel"
        else
            rel_cells+=" n/a |"
        fi
    done

    mem_cell="n/a"
    if [ -n "$c_kb" ]; then
        mem_cell="$(mib "$c_kb")"
        for col in "${CSAN_COLS[@]}"; do
            if [ -n "${SKB[$col]:-}" ]; then mem_cell+=" / $(mib "${SKB[$col]}") ($(ratio "${SKB[$col]}" "$c_kb")×)"; else mem_cell+=" / n/a"; fi
        done
        mem_cell+=" / $(mib "$cs_kb")"
        if [ -n "$ss_kb" ]; then mem_cell+=" / $(mib "$ss_kb") ($(ratio "$ss_kb" "$cs_kb")×)"; else mem_cell+=" / n/a"; fi
    fi

    kname="$k"
    [ "$cs_sum" = "$c_sum" ] || kname="$k (checksum MISMATCH)"
    ROWS+=("| $kname | $c_s |$csan_cells $vg_cell | $cs_s | $ss_cell |$ss0_cells$rel_cells $mem_cell |")
done

geo() { # column -> geometric mean or blank
    if [ "${N[$1]}" -gt 0 ]; then awk -v s="${LOGSUM[$1]}" -v n="${N[$1]}" 'BEGIN { printf "%.2f×", exp(s / n) }'; else echo ""; fi
}

# ---------------------------------------------------------------------------------------------
# Report
{
    echo "## SharpSan benchmarks, --sanitize $SS_SANITIZE ($(date -u '+%Y-%m-%d %H:%M UTC'))"
    echo
    cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
    ccver="gcc $(gcc -dumpfullversion)"
    [ "$SS_SANITIZE" = memory ] && ccver+=", $(clang-14 --version | head -1)"
    echo "Machine: $(nproc) cores, ${cpu:-unknown CPU}, load average at start $(cut -d' ' -f1-3 /proc/loadavg);" \
         "$ccver, $(valgrind --version 2>/dev/null || echo 'no valgrind'), .NET $(dotnet --version)."
    echo "C plain: $C_PLAIN_CC.$([ "$SS_SANITIZE" = memory ] && echo " C clang MSan: clang-14 -O2 -fsanitize=memory; C clang MSan origins: the same plus -fsanitize-memory-track-origins (=1).")"
    echo "Wall time: $STAT of $REPS run(s) (valgrind: $VG_REPS run(s)), whole process including startup; the columns run round robin (repetition 1 of each, then repetition 2, ...)." \
         "Peak RSS: largest max-RSS over the runs (/usr/bin/time %M)."
    [ "$QUICK" = 1 ] && echo "**--quick mode: small sizes, 1 repetition; do not quote these numbers.**"
    if [ -n "$SS_MODE" ]; then
        if [ "$SS_MODE" = instrument ]; then
            echo "SharpSan: \`sharpsan instrument Kernels.dll --sanitize $SS_SANITIZE --output out/kernels-sharpsan-$SS_SANITIZE\`, then \`dotnet out/kernels-sharpsan-$SS_SANITIZE/Kernels.dll <kernel>\` is timed (instrumentation not included)."
        else
            echo "SharpSan: \`sharpsan run --sanitize $SS_SANITIZE -- Kernels.dll <kernel>\` timed after one warm-up run (instrumentation cache warm; includes CLI startup)."
        fi
        echo "SharpSan reported the deliberate bug of \`Kernels $SELFTEST\`: $SS_VERIFIED."
        [ "$SS_SANITIZE" = memory ] && echo "SharpSan memory mode tracks origins by default (track_origins=1), so its fair peer is the clang origins column; the track_origins=0 column is the same build run with SHARPSAN_OPTIONS=track_origins=0, and 'origins cost' divides the two (goal: ≤ 1.5×)."
    fi
    echo
    echo "Sizes: $(for k in $KERNELS; do printf '%s=%s ' "$k" "${SIZE[$k]}"; done)"
    echo
    hdr="| kernel | C plain s |"
    sep="|---|---|"
    mem="peak MiB C"
    for col in "${CSAN_COLS[@]}"; do hdr+=" ${CSAN_LABEL[$col]} s (×) |"; sep+="---|"; mem+=" / ${CSAN_LABEL[$col]#C }"; done
    hdr+=" valgrind s (×) | C# plain s | C# SharpSan $SS_SANITIZE s (×) |"; sep+="---|---|---|"
    [ "$SS_SANITIZE" = memory ] && { hdr+=" SharpSan track_origins=0 s (×) | origins cost (=1 / =0) |"; sep+="---|---|"; }
    for col in "${CSAN_COLS[@]}"; do hdr+=" SharpSan× / ${CSAN_LABEL[$col]#C }× |"; sep+="---|"; done
    hdr+=" $mem / C# / SharpSan |"; sep+="---|"
    echo "$hdr"
    echo "$sep"
    for row in "${ROWS[@]}"; do echo "$row"; done
    geo_row="| geomean | |"
    for col in "${CSAN_COLS[@]}"; do geo_row+=" $(geo "$col") |"; done
    geo_row+=" $(geo valgrind) | | $(geo sharpsan) |"
    [ "$SS_SANITIZE" = memory ] && geo_row+=" $(geo sharpsan0) | $(geo origins | tr -d '×')× |"
    for col in "${CSAN_COLS[@]}"; do geo_row+=" $(geo "rel-$col" | tr -d '×') |"; done
    echo "$geo_row |"
    echo
    echo "× = slowdown against the plain build of the same language (C sanitizers and valgrind against C plain, SharpSan against C# plain)."
    echo "SharpSan× / ${CSAN_LABEL[${CSAN_COLS[0]}]#C }× < 1 means SharpSan slows C# down less than ${CSAN_LABEL[${CSAN_COLS[0]}]#C } slows C down (goal: ≤ 0.7)."
    [ "$FALSE_POSITIVES" -gt 0 ] && echo "**$FALSE_POSITIVES kernel(s) excluded: SharpSan reported on a correct program (false positive); reports in benchmarks/out/$(basename "$FP_FILE").**"
    for note in "${NOTES[@]}"; do echo; echo "**Note:** $note"; done
} | tee "$OUT/results$([ "$SS_SANITIZE" = address ] || echo "-$SS_SANITIZE").md"

log "table written to $OUT/results$([ "$SS_SANITIZE" = address ] || echo "-$SS_SANITIZE").md; logs of every run in $LOGS"
[ "$MISMATCH" = 0 ] || { log "checksum mismatch (see notes)"; exit 1; }
[ "$FALSE_POSITIVES" = 0 ] || { log "$FALSE_POSITIVES false positive(s) (see notes)"; exit 1; }
exit 0
