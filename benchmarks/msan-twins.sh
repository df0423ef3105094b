#!/usr/bin/env bash
# C twins of SharpSan's memory-mode cases, checked against clang-14's MemorySanitizer (issue 13, item 8).
#
# usage: bash benchmarks/msan-twins.sh [twin ...]      (default: every benchmarks/msan-twins/*.c)
#
# Opt-in: NOT part of `dotnet test`. Each twin is a pair benchmarks/msan-twins/<name>.c + <name>.cs
# (the .cs files are built together into MsanTwins.dll, whose Main dispatches on the twin's name).
#   C:  clang-14 -O1 -g -fsanitize=memory -fsanitize-memory-track-origins <name>.c && ./<name>
#   C#: sharpsan instrument --sanitize memory MsanTwins.dll, then dotnet <instrumented>/MsanTwins.dll <name>
#       (falls back to `sharpsan run --sanitize memory -- MsanTwins.dll <name>` if instrumenting fails)
# The two reports must agree on (a) report or no report, (b) the kind (use-of-uninitialized-value),
# (c) the line of the use -- the first stack frame in the twin's own source file must be the line
# carrying the `USE` marker, in the .c and in the .cs -- and (d) the origin kind (heap / stack allocation).
# Prints a markdown table (also written to benchmarks/out/msan-twins/results.md); exits 1 if any twin disagrees.
#
# Installs clang-14 and libclang-rt-14-dev (apt-get, via sudo when not root) when clang-14 cannot
# build an MSan program. Environment: SHARPSAN_DLL (use this sharpsan.dll, skip building the CLI).

set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC="$ROOT/benchmarks/msan-twins"
OUT="$ROOT/benchmarks/out/msan-twins"
LOGS="$OUT/logs"
mkdir -p "$OUT/c" "$LOGS"
log() { echo "[msan-twins] $*" >&2; }

CFLAGS=(-O1 -g -fsanitize=memory -fsanitize-memory-track-origins)

# --- clang-14 with the MSan runtime -------------------------------------------------------------
msan_works() {
    command -v clang-14 >/dev/null 2>&1 || return 1
    echo 'int main(void){return 0;}' > "$OUT/probe.c"
    clang-14 "${CFLAGS[@]}" "$OUT/probe.c" -o "$OUT/probe" >"$LOGS/probe.log" 2>&1
}
if ! msan_works; then
    SUDO=""; [ "$(id -u)" != 0 ] && SUDO=sudo
    log "installing clang-14 libclang-rt-14-dev (apt-get)"
    $SUDO apt-get install -y -o DPkg::Lock::Timeout=600 clang-14 libclang-rt-14-dev >"$LOGS/apt.log" 2>&1 \
        || { $SUDO apt-get update >>"$LOGS/apt.log" 2>&1 \
             && $SUDO apt-get install -y -o DPkg::Lock::Timeout=600 clang-14 libclang-rt-14-dev >>"$LOGS/apt.log" 2>&1; }
    msan_works || { cat "$LOGS/apt.log" "$LOGS/probe.log" >&2; log "clang-14 cannot build with -fsanitize=memory"; exit 2; }
fi
for s in /usr/lib/llvm-14/bin/llvm-symbolizer "$(command -v llvm-symbolizer-14 2>/dev/null)"; do
    [ -n "$s" ] && [ -x "$s" ] && { export MSAN_SYMBOLIZER_PATH="$s"; break; }
done

# --- SharpSan CLI and the C# twins --------------------------------------------------------------
SHARPSAN_DLL=${SHARPSAN_DLL:-}
if [ -z "$SHARPSAN_DLL" ]; then
    log "building SharpSan CLI (dotnet build src/SharpSan.Cli)"
    dotnet build "$ROOT/src/SharpSan.Cli" -v q -nologo >"$LOGS/build-cli.log" 2>&1 \
        || { cat "$LOGS/build-cli.log" >&2; log "CLI build failed"; exit 2; }
    SHARPSAN_DLL="$ROOT/src/SharpSan.Cli/bin/Debug/net10.0/sharpsan.dll"
fi
log "building the C# twins (MsanTwins.csproj)"
dotnet build "$SRC/MsanTwins.csproj" -v q -nologo -o "$OUT/cs" >"$LOGS/build-twins.log" 2>&1 \
    || { cat "$LOGS/build-twins.log" >&2; log "C# twins build failed"; exit 2; }
TWINS_DLL="$OUT/cs/MsanTwins.dll"
SS_MODE=run
rm -rf "$OUT/cs-memory"
if dotnet "$SHARPSAN_DLL" instrument "$TWINS_DLL" --sanitize memory --output "$OUT/cs-memory" >"$LOGS/instrument.log" 2>&1 \
   && [ -f "$OUT/cs-memory/MsanTwins.dll" ]; then
    SS_MODE=instrument
else
    log "'sharpsan instrument' failed (see $LOGS/instrument.log); using 'sharpsan run' per twin"
fi

# --- report parsing -----------------------------------------------------------------------------
# parse LOGFILE SRCNAME -> sets VERDICT (report|clean|error), KIND, LINE, ORIGIN
parse() {
    local f="$1" srcname="$2"
    VERDICT=clean KIND=- LINE=- ORIGIN=-
    if grep -q 'WARNING: MemorySanitizer:' "$f"; then
        VERDICT=report
        KIND=$(grep -m1 -o 'WARNING: MemorySanitizer: [a-z-]*' "$f" | awk '{print $3}')
        # first frame in the twin's own source, within the first report's stack (before its origin block)
        LINE=$(awk -v name="$srcname" '
            /WARNING: MemorySanitizer:/ { inrep = 1; next }
            inrep && /Uninitialized value was|SUMMARY:/ { exit }
            inrep && /^ *#[0-9]+ / {
                if (match($0, "[/ ]" name ":[0-9]+")) {
                    s = substr($0, RSTART + 1, RLENGTH - 1); sub(/^[^:]*:/, "", s); print s; exit
                }
            }' "$f")
        [ -z "$LINE" ] && LINE='?'
        local o
        o=$(grep -m1 'Uninitialized value was created by' "$f" || true)
        case "$o" in
            *"heap deallocation"*) ORIGIN=heap-free ;;
            *"heap allocation"*) ORIGIN=heap ;;
            *"stack frame"*) ORIGIN=stack ;;
            "") ORIGIN=none ;;
            *) ORIGIN=$(echo "$o" | sed 's/.*created by //; s/ /_/g' | cut -c1-40) ;;
        esac
    fi
}
marker_line() { grep -n 'USE' "$1" | grep -v '^[0-9]*:\s*/[*/]' | head -1 | cut -d: -f1; }

# --- run every twin -----------------------------------------------------------------------------
if [ $# -gt 0 ]; then NAMES=("$@"); else NAMES=(); for c in "$SRC"/*.c; do NAMES+=("$(basename "$c" .c)"); done; fi
TABLE="| twin | USE line c / cs | clang-14 MSan | SharpSan memory | agree |
|---|---|---|---|---|"
DISAGREE=0
for n in "${NAMES[@]}"; do
    cfile="$SRC/$n.c" csfile="$SRC/$n.cs"
    [ -f "$cfile" ] && [ -f "$csfile" ] || { log "no pair $n.c/$n.cs"; DISAGREE=1; continue; }
    cm=$(marker_line "$cfile"); csm=$(marker_line "$csfile")
    # C
    if clang-14 "${CFLAGS[@]}" -I"$SRC" "$cfile" -o "$OUT/c/$n" >"$LOGS/$n.clang-build.log" 2>&1; then
        timeout 60 "$OUT/c/$n" >"$LOGS/$n.clang.out" 2>"$LOGS/$n.clang.err"; crc=$?
        parse "$LOGS/$n.clang.err" "$n.c"
        [ "$VERDICT" = clean ] && [ "$crc" != 0 ] && VERDICT="error(rc=$crc)"
    else
        VERDICT="build-error" KIND=- LINE=- ORIGIN=-; crc=-
    fi
    CV=$VERDICT CK=$KIND CL=$LINE CO=$ORIGIN
    # C#
    if [ "$SS_MODE" = instrument ]; then
        timeout 120 dotnet "$OUT/cs-memory/MsanTwins.dll" "$n" >"$LOGS/$n.sharpsan.out" 2>"$LOGS/$n.sharpsan.err"; src=$?
    else
        timeout 300 dotnet "$SHARPSAN_DLL" run --sanitize memory -- "$TWINS_DLL" "$n" >"$LOGS/$n.sharpsan.out" 2>"$LOGS/$n.sharpsan.err"; src=$?
    fi
    # reports may go to stdout or stderr; parse both
    cat "$LOGS/$n.sharpsan.err" "$LOGS/$n.sharpsan.out" >"$LOGS/$n.sharpsan.all"
    parse "$LOGS/$n.sharpsan.all" "$n.cs"
    [ "$VERDICT" = clean ] && [ "$src" != 0 ] && VERDICT="error(rc=$src)"
    SV=$VERDICT SK=$KIND SL=$LINE SO=$ORIGIN
    # agreement
    ok=yes why=""
    if [ "$CV" != "$SV" ]; then ok=no why="verdict"
    elif [ "$CV" = report ]; then
        [ "$CK" != "$SK" ] && { ok=no; why="$why kind"; }
        { [ "$CL" != "$cm" ] || [ "$SL" != "$csm" ]; } && { ok=no; why="$why line"; }
        [ "$CO" != "$SO" ] && { ok=no; why="$why origin"; }
    elif [ "$CV" != clean ]; then ok=no why="$CV"
    fi
    [ "$ok" = no ] && DISAGREE=1
    fmt() { if [ "$1" = report ]; then echo "$2 line $3, origin $4"; else echo "$1"; fi; }
    TABLE+="
| $n | ${cm:--} / ${csm:--} | $(fmt "$CV" "$CK" "$CL" "$CO") | $(fmt "$SV" "$SK" "$SL" "$SO") | $ok${why:+ (${why# })} |"
    log "$n: clang=$CV/$CL/$CO sharpsan=$SV/$SL/$SO agree=$ok"
done
echo
echo "$TABLE"
echo
echo "clang: $(clang-14 --version | head -1), flags ${CFLAGS[*]}; SharpSan: --sanitize memory ($SS_MODE)."
{ echo "$TABLE"; echo; echo "clang: $(clang-14 --version | head -1); SharpSan mode: $SS_MODE"; } >"$OUT/results.md"
exit $DISAGREE
