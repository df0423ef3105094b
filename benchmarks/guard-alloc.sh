#!/usr/bin/env bash
# Guard mode's per-call cost: an allocation-only loop (GuardAlloc/, NativeMemory.Alloc/Free pairs of 16..127 bytes)
# plain, and instrumented with `sharpsan instrument --sanitize guard` under several option sets, run round robin
# (round 1 of every column, then round 2, ...) so the load of a shared machine falls on all columns alike.
# Prints per column the median CPU time (user + sys) and the nanoseconds per Alloc/Free pair above plain.
#
# usage: bash benchmarks/guard-alloc.sh [--rounds N] [--pairs N]
#   --rounds N   runs per column (default 5)
#   --pairs N    Alloc/Free pairs per run (default 20000000)
# Environment: SHARPSAN_DLL (use this sharpsan.dll, skip building the CLI).
# Output: a markdown table on stdout, also in benchmarks/out/guard-alloc.md; runs and builds in benchmarks/out/.

set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/benchmarks/out"
ROUNDS=5
PAIRS=20000000
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) ROUNDS="$2"; shift ;;
        --pairs) PAIRS="$2"; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "guard-alloc.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
done
log() { echo "[guard-alloc.sh] $*" >&2; }
[ -x /usr/bin/time ] || { log "needs /usr/bin/time (Debian package 'time')"; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p "$OUT"
log "building GuardAlloc (dotnet build -c Release)"
dotnet build "$ROOT/benchmarks/GuardAlloc/GuardAlloc.csproj" -c Release -v quiet -nologo >"$OUT/guard-alloc-build.log" 2>&1 \
    || { cat "$OUT/guard-alloc-build.log" >&2; exit 1; }
PLAIN="$ROOT/benchmarks/GuardAlloc/bin/Release/net10.0/GuardAlloc.dll"
SHARPSAN_DLL=${SHARPSAN_DLL:-}
if [ -z "$SHARPSAN_DLL" ]; then
    log "building SharpSan CLI (dotnet build src/SharpSan.Cli -c Release)"
    dotnet build "$ROOT/src/SharpSan.Cli" -c Release -v quiet -nologo >"$OUT/guard-alloc-cli.log" 2>&1 \
        || { cat "$OUT/guard-alloc-cli.log" >&2; exit 1; }
    SHARPSAN_DLL="$ROOT/src/SharpSan.Cli/bin/Release/net10.0/sharpsan.dll"
fi
GUARDED="$OUT/guardalloc-guard"
rm -rf "$GUARDED"
dotnet "$SHARPSAN_DLL" instrument "$PLAIN" --sanitize guard --output "$GUARDED" >"$OUT/guard-alloc-instrument.log" 2>&1 \
    || { cat "$OUT/guard-alloc-instrument.log" >&2; exit 1; }

# column name | program | SHARPSAN_OPTIONS
COLUMNS=(
    "plain|$PLAIN|"
    "guard (defaults)|$GUARDED/GuardAlloc.dll|"
    "guard, no sampling|$GUARDED/GuardAlloc.dll|guard_sample_rate=0"
    "guard, no sampling, no quarantine|$GUARDED/GuardAlloc.dll|guard_sample_rate=0:quarantine_size_kb=0"
    "guard, no sampling, no free fill|$GUARDED/GuardAlloc.dll|guard_sample_rate=0:max_free_fill_size=0"
)
declare -A TIMES
for ((r = 1; r <= ROUNDS; r++)); do
    for col in "${COLUMNS[@]}"; do
        IFS='|' read -r name dll opts <<<"$col"
        t=$(SHARPSAN_OPTIONS="$opts" /usr/bin/time -f '%U %S' dotnet "$dll" "$PAIRS" 2>&1 >"$OUT/guard-alloc-run.out" | tail -1)
        grep -q "^guardalloc pairs=$PAIRS " "$OUT/guard-alloc-run.out" || { log "$name: no result line (see $OUT/guard-alloc-run.out)"; exit 1; }
        TIMES[$name]="${TIMES[$name]:-} $(awk '{ print $1 + $2 }' <<<"$t")"
    done
    log "round $r of $ROUNDS done"
done

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | awk '{ t[NR] = $1 } END { print (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'; }
PLAIN_MED=$(median "${TIMES[plain]}")
{
    echo "| $PAIRS Alloc/Free pairs, $ROUNDS rounds, load $(cut -d' ' -f1 /proc/loadavg) at the end | CPU s (median) | ns per pair above plain | runs |"
    echo "|---|---|---|---|"
    for col in "${COLUMNS[@]}"; do
        IFS='|' read -r name _ _ <<<"$col"
        m=$(median "${TIMES[$name]}")
        awk -v n="$name" -v m="$m" -v p="$PLAIN_MED" -v k="$PAIRS" -v runs="${TIMES[$name]}" \
            'BEGIN { printf "| %s | %.3f | %s |%s |\n", n, m, (n == "plain") ? "—" : sprintf("%.1f", (m - p) * 1e9 / k), runs }'
    done
} | tee "$OUT/guard-alloc.md"
