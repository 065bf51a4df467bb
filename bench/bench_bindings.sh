#!/bin/sh
# bench_bindings.sh: what the Python bindings cost over the C API, in one run.
#
#   bench/bench_bindings.sh [--mb N] [FILE.txt ...]
#
# Runs build/bench/bench_tag (C) and bindings/python/bench_python.py (the
# same text, the same default model, single thread) and prints both
# throughputs side by side with the binding's overhead, for the whole text
# in one call and for one call per document. Without files: the corpus
# text (../shared/corpus/text, or $DOCTAG_SHARED_DIR/corpus/text).
# The Python is $PYTHON, else /usr/bin/python3.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${DOCTAG_BUILD_DIR:-$root/build}
python=${PYTHON:-/usr/bin/python3}
mb=20
if [ "${1:-}" = "--mb" ]; then
    mb=$2
    shift 2
fi
if [ $# -eq 0 ]; then
    shared=${DOCTAG_SHARED_DIR:-$(dirname "$root")/shared}
    set -- "$shared"/corpus/text/*.txt
    [ -f "$1" ] || { echo "bench_bindings.sh: no files given and none in $shared/corpus/text" >&2; exit 1; }
fi

c_out=$("$build/bench/bench_tag" --mb "$mb" "$@")
py_out=$(PYTHONPATH="$build/bindings/python" LD_LIBRARY_PATH="$build/libtag" \
    "$python" "$root/bindings/python/bench_python.py" --mb "$mb" --threads 1 "$@")
echo "$c_out"
echo
echo "$py_out"
echo
c_whole=$(echo "$c_out" | awk '/^tagging:/ { print $(NF-3) }')
c_doc=$(echo "$c_out" | awk '/^per doc:/ { for (i = 1; i <= NF; i++) if ($i == "MB/s") print $(i-1) }')
py_whole=$(echo "$py_out" | awk '$1 == "Model" { print $2 }')
py_doc=$(echo "$py_out" | awk '$1 == "per-doc" { print $2 }')
py_bytes=$(echo "$py_out" | awk '$1 == "bytes" { print $2 }')
py_doc_bytes=$(echo "$py_out" | awk '$1 == "per-doc-b" { print $2 }')
awk -v cw="$c_whole" -v cd="$c_doc" -v pw="$py_whole" -v pd="$py_doc" \
    -v bw="$py_bytes" -v bd="$py_doc_bytes" 'BEGIN {
    printf "%-36s %8s %12s %20s\n", "single thread", "C MB/s", "Python MB/s", "Python time over C"
    printf "%-36s %8.1f %12.1f %19.1f%%\n", "str, whole text, one call", cw, pw, (cw / pw - 1) * 100
    printf "%-36s %8.1f %12.1f %19.1f%%\n", "str, one call per document", cd, pd, (cd / pd - 1) * 100
    printf "%-36s %8.1f %12.1f %19.1f%%\n", "UTF-8 bytes, whole text, one call", cw, bw, (cw / bw - 1) * 100
    printf "%-36s %8.1f %12.1f %19.1f%%\n", "UTF-8 bytes, one call per document", cd, bd, (cd / bd - 1) * 100
}'
