# Shared by run.sh, races.sh, packages.sh and suites.sh (sourced, not run): timing one command, reading its failure, ratios.
# Needs LOGS and TIMEOUT set and a log() function; LOG_PREFIX (default empty) prefixes every log file name.

# Wall time from bash's EPOCHREALTIME (microseconds, no fork); peak RSS and CPU time (user + system of the process
# tree the command waited for) from /usr/bin/time when it exists.
if [ -x /usr/bin/time ]; then
    HAVE_GNU_TIME=1
else
    HAVE_GNU_TIME=0
    log "/usr/bin/time not found (Debian package 'time'): measuring wall time only, peak memory and CPU time will be n/a"
fi

# run_once TAG CMD... -> sets R_SECS R_KB R_CPU R_RC; stdout/stderr in $LOGS/${LOG_PREFIX}TAG.out/.err
run_once() {
    local tag="${LOG_PREFIX:-}$1"; shift
    local t0 t1
    t0=$EPOCHREALTIME
    if [ "$HAVE_GNU_TIME" = 1 ]; then
        /usr/bin/time -f $'%M\n%U %S' -o "$LOGS/$tag.rss" timeout "$TIMEOUT" "$@" >"$LOGS/$tag.out" 2>"$LOGS/$tag.err"
        R_RC=$?
    else
        timeout "$TIMEOUT" "$@" >"$LOGS/$tag.out" 2>"$LOGS/$tag.err"
        R_RC=$?
    fi
    t1=$EPOCHREALTIME
    R_SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    R_KB="" R_CPU=""
    if [ "$HAVE_GNU_TIME" = 1 ]; then
        R_KB=$(grep -E '^[0-9]+$' "$LOGS/$tag.rss" | tail -1)
        R_CPU=$(grep -E '^[0-9.]+ [0-9.]+$' "$LOGS/$tag.rss" | tail -1 | awk '{ printf "%.2f", $1 + $2 }')
    fi
}

# First informative line of a stderr file: a sanitizer SUMMARY line if there is one, else the first non-empty line.
first_error() {
    local f="$1" line
    [ -f "$f" ] || return 0
    line=$(grep -m1 -E '^SUMMARY: ' "$f")
    [ -z "$line" ] && line=$(grep -m1 -v -E '^[[:space:]]*$' "$f")
    printf '%s' "${line:0:160}" | tr '|' '/'
}

checksum_of() { sed -n 's/.*checksum=\([0-9a-f]*\).*/\1/p' <<<"$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'; }
