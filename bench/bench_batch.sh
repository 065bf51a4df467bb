#!/bin/sh
# bench_batch.sh: `doctag batch` throughput and memory.
#
#   bench/bench_batch.sh [-n DOCS] [-r ROUNDS] [PDF ...]
#
# Builds a folder of DOCS (default 200) PDFs, copies of the given PDFs
# (default: ../shared/corpus/pdf/*.pdf, else samples/*.pdf), then prints:
#   - documents/s and pages/s of `doctag batch -j 1` and `-j 2` over the
#     folder (one stream to /dev/null; the best of ROUNDS runs each, default
#     3, the two alternating), and the speedup of -j 2 over -j 1;
#   - the peak RSS (/usr/bin/time -v) of `doctag batch -j 2 --out-dir` at
#     DOCS and 4 x DOCS documents, from a folder and from a zip of them:
#     it should not grow with the number of documents.
# The CLI is $DOCTAG_CLI, else build/cli/doctag. Needs pdfinfo
# (poppler-utils), zip and GNU time (/usr/bin/time). On a shared machine,
# run it under nice and read the figures as +-10%.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
docs=200
rounds=3
while [ $# -gt 0 ]; do
    case "$1" in
    -n) docs=$2; shift 2 ;;
    -r) rounds=$2; shift 2 ;;
    *) break ;;
    esac
done
cli=${DOCTAG_CLI:-$root/build/cli/doctag}
[ -x "$cli" ] || { echo "bench_batch.sh: no doctag CLI at $cli (build it, or set DOCTAG_CLI)" >&2; exit 1; }
for tool in pdfinfo zip /usr/bin/time; do
    command -v "$tool" >/dev/null 2>&1 || { echo "bench_batch.sh: $tool missing" >&2; exit 1; }
done
if [ $# -eq 0 ]; then
    shared=${DOCTAG_SHARED_DIR:-$(dirname "$root")/shared}
    if ls "$shared"/corpus/pdf/*.pdf >/dev/null 2>&1; then
        set -- "$shared"/corpus/pdf/*.pdf
    else
        set -- "$root"/samples/*.pdf
    fi
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/doctag-bench-batch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# make_corpus DIR N: N copies of the PDFs, round robin; prints the pages.
make_corpus() {
    mkdir -p "$1"
    i=0
    pages=0
    while [ "$i" -lt "$2" ]; do
        for f in $sources; do
            [ "$i" -lt "$2" ] || break
            cp "$f" "$1/r$(printf %05d "$i").pdf"
            pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ { print $2 }')))
            i=$((i + 1))
        done
    done
    echo "$pages"
}
sources="$*"
calc() { awk "BEGIN { print ($1) }"; }

pages=$(make_corpus "$tmp/small" "$docs")
big=$((docs * 4))
big_pages=$(make_corpus "$tmp/big" "$big")
(cd "$tmp/big" && zip -q -0 ../big.zip ./*.pdf)
(cd "$tmp/small" && zip -q -0 ../small.zip ./*.pdf)
echo "doctag batch: $docs PDFs ($pages pages; copies of $(echo "$sources" | wc -w) files), best of $rounds"

# one_time ARGS...: "WALL CPU" of one run of `doctag batch ARGS`, in
# seconds; CPU is user + system time.
one_time() {
    /usr/bin/time -f '%e %U %S' -o "$tmp/t.txt" "$cli" batch -q "$@" >/dev/null 2>&1 || true
    awk '{ print $1, $2 + $3 }' "$tmp/t.txt"
}

# keep_best BEST NEW: the one with the shorter wall time
keep_best() {
    if [ -z "$1" ] || [ "$(calc "${2%% *} < ${1%% *}")" -eq 1 ]; then echo "$2"; else echo "$1"; fi
}

# row LABEL "WALL CPU"
row() {
    wall=${2%% *}
    cpu=${2#* }
    printf '%-6s %8.2f %8.2f %8.1f %9.1f %12.1f\n' "$1" "$wall" "$cpu" "$(calc "$docs / $wall")" \
        "$(calc "$pages / $wall")" "$(calc "$pages / $cpu")"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
printf '%-6s %8s %8s %8s %9s %12s\n' jobs wall-s cpu-s docs/s pages/s pages/cpu-s
# -j 1 and -j 2 alternate, so that a change in the machine's load touches both
r1=
r2=
r=0
while [ "$r" -lt "$rounds" ]; do
    r1=$(keep_best "$r1" "$(one_time -j 1 -o - "$tmp/small")")
    r2=$(keep_best "$r2" "$(one_time -j 2 -o - "$tmp/small")")
    r=$((r + 1))
done
row "-j 1" "$r1"
row "-j 2" "$r2"
echo "speedup -j 2 / -j 1 (wall): $(calc "${r1%% *} / ${r2%% *}")x"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# peak_rss INPUT: maximum resident set size in MB of an --out-dir run
peak_rss() {
    rm -rf "$tmp/out"
    /usr/bin/time -v "$cli" batch -q -j 2 -d "$tmp/out" "$1" 2>"$tmp/time.txt" >/dev/null || true
    kb=$(awk -F: '/Maximum resident set size/ { gsub(/ /, "", $2); print $2 }' "$tmp/time.txt")
    calc "$kb / 1024"
}
echo "peak RSS, doctag batch -j 2 --out-dir (MB):"
printf '%-8s %10s %10s\n' docs folder zip
printf '%-8s %10.1f %10.1f\n' "$docs" "$(peak_rss "$tmp/small")" "$(peak_rss "$tmp/small.zip")"
printf '%-8s %10.1f %10.1f\n' "$big" "$(peak_rss "$tmp/big")" "$(peak_rss "$tmp/big.zip")"
