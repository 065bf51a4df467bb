#!/bin/sh
# long_pdfs.sh DIR [PAGES ...]: DIR/pN.pdf of N pages (default 300 and
# 600) for each N, the corpus PDFs (../shared/corpus/pdf, or
# $DOCTAG_SHARED_DIR/corpus/pdf) concatenated again and again with qpdf
# and cut at N pages: the long reports bench_pdf.sh --memory and
# bench_python_memory.py measure. Needs qpdf and pdfinfo.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=$1
shift
[ $# -gt 0 ] || set -- 300 600
for tool in qpdf pdfinfo; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "long_pdfs.sh: needs $tool (apt-get install qpdf poppler-utils)" >&2
        exit 1
    }
done
most=0
for n in "$@"; do [ "$n" -gt "$most" ] && most=$n; done
shared=${DOCTAG_SHARED_DIR:-$(dirname "$(dirname "$here")")/shared}
pdfs=$(ls "$shared"/corpus/pdf/*.pdf 2>/dev/null) ||
    { echo "long_pdfs.sh: no PDFs in $shared/corpus/pdf" >&2; exit 1; }
copies="" total=0
while [ "$total" -lt "$most" ]; do   # the corpus again and again
    copies="$copies $pdfs"
    for f in $pdfs; do
        total=$((total + $(pdfinfo "$f" | awk '/^Pages:/ { print $2 }')))
    done
done
mkdir -p "$dir"
# shellcheck disable=SC2086
qpdf --empty --pages $copies -- "$dir/all.pdf"
for n in "$@"; do
    qpdf --empty --pages "$dir/all.pdf" "1-$n" -- "$dir/p$n.pdf"
done
rm -f "$dir/all.pdf"
