#!/usr/bin/env bash
# Codes and ingests every WARC file of ../shared/corpus/warc/ with a release build of tidings and
# prints, per file: its size, the articles read, events, what was skipped, and MB/s (compressed
# file bytes over wall time, coding included). Usage: bash scripts/warc-inputs.sh [TIDINGS] [DIR]
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
tidings=${1:-${CARGO_TARGET_DIR:-$here/target}/release/tidings}
dir=${2:-$here/../shared/corpus/warc}
db=$(mktemp -d)
trap 'rm -rf "$db"' EXIT
printf '| file | MB | command | articles | events | errors | s | MB/s |\n|---|---:|---|---:|---:|---:|---:|---:|\n'
for file in "$dir"/*.warc*; do
    mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.3f", b / 1e6 }')
    for command in code ingest; do
        args=("$command" --language any)
        [ "$command" = ingest ] && args+=(--db "$db/$(basename "$file").db")
        start=$(date +%s.%N)
        if [ "$command" = code ]; then
            err=$("$tidings" "${args[@]}" "$file" 2>&1 >/dev/null)
        else
            err=$("$tidings" "${args[@]}" "$file" 2>&1)
        fi
        secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
        errors=$(grep -c 'skipped: \|(skipped)$' <<<"$err")
        if [ "$command" = code ]; then
            articles=$(grep -oP 'tidings: \K[0-9]+(?= articles,)' <<<"$err")
            events=$(grep -oP '[0-9]+(?= events \()' <<<"$err")
        else
            articles=$(grep -oP '^articles read +\K[0-9]+' <<<"$err")
            events=$(grep -oP '^events added +\K[0-9]+' <<<"$err")
        fi
        rate=$(awk -v m="$mb" -v s="$secs" 'BEGIN { printf "%.2f", m / s }')
        echo "| $(basename "$file") | $mb | $command | ${articles:-?} | ${events:-?} | $errors | $secs | $rate |"
        grep -h 'WARC records skipped\|skipped: \|(skipped)$' <<<"$err" | sed 's/^/    /' >&2
    done
done
