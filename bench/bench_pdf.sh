#!/bin/sh
# bench_pdf.sh: PDF extraction speed, pages per second, of `doctag text`,
# `doctag tag` and pdftotext on the same PDFs, in one run: one process per
# file for each tool (pdftotext takes one file at a time), and `doctag tag`
# once more with the whole batch in one process, as a pipeline runs it (the
# model is loaded and the libraries linked once). `doctag text` and `doctag
# tag` read a PDF's pages with one process per CPU (--pdf-readers auto, the
# CLI's default); the "(1 reader)" rows read them with one, in the same run.
#
#   bench/bench_pdf.sh [-t SECONDS] [FILE.pdf ...]
#   bench/bench_pdf.sh --scale
#   bench/bench_pdf.sh --memory [-t SECONDS]
#
# --memory: peak resident memory (the largest process among the tool and
# its children, /usr/bin/time's %M; with several page readers the sum over
# the processes is higher) of each tool on 300- and 600-page PDFs made
# by concatenating the corpus PDFs with qpdf (again and again to reach the
# page count), and the 600/300 ratio (flat memory: close to 1); then the
# times, as below, on the 300-page PDF. Needs qpdf and GNU time.
#
# --scale: time per page of `doctag text` and pdftotext on generated PDFs
# of 10, 100 and 1000 pages (two columns of report prose, a running header,
# numbered footers; made with ReportLab: python3-reportlab), to show that
# the cost per page stays flat as the document grows.
#
# Without files: the corpus PDFs (../shared/corpus/pdf, or
# $DOCTAG_SHARED_DIR/corpus/pdf). The CLI is $DOCTAG_CLI, else
# build/cli/doctag next to this script's directory; with $DOCTAG_CLI_BEFORE
# (another build's CLI) that one's text and tag run in the same rounds. Each tool goes over all
# the files again and again until at least SECONDS (default 2) have passed.
# Needs poppler-utils (pdfinfo, pdftotext). The floor, build/bench/pdf_floor
# (poppler-glib's text and boxes and nothing else: what doctag cannot go
# below), runs beside them when built. The tools take turns round by round
# (about 5 x SECONDS in all, at least 3 rounds); the columns give each
# tool's time over pdftotext's and over the floor's, in wall time and in
# CPU time (user + sys of the tool and its children).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
min_seconds=2
scale=0
memory=0
if [ "${1:-}" = "--scale" ]; then
    scale=1
    shift
elif [ "${1:-}" = "--memory" ]; then
    memory=1
    shift
fi
if [ "${1:-}" = "-t" ]; then
    min_seconds=$2
    shift 2
fi

cli=${DOCTAG_CLI:-$root/build/cli/doctag}
if [ ! -x "$cli" ]; then
    echo "bench_pdf.sh: no doctag CLI at $cli (build it, or set DOCTAG_CLI)" >&2
    exit 1
fi
for tool in pdfinfo pdftotext; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "bench_pdf.sh: $tool missing (apt-get install poppler-utils)" >&2
        exit 1
    }
done

now() { date +%s.%N; }
# awk does the arithmetic: bc is not always installed
calc() { awk "BEGIN { print ($1) }"; }

# scale_pdf N OUT: N pages of two-column prose, text different on every page
scale_pdf() {
    /usr/bin/python3 - "$1" "$2" <<'PY'
import sys
from reportlab.pdfgen import canvas
n, out = int(sys.argv[1]), sys.argv[2]
voc = ("the council reviewed national reports and regional programmes for migrant "
       "workers while independent auditors examined procurement records of agencies").split()
c = canvas.Canvas(out, pagesize=(612, 792))
for p in range(n):
    c.setFont("Helvetica", 8)
    c.drawString(72, 760, "Annual Review of Programme Budgets")
    c.drawRightString(540, 30, "Page %d" % (p + 1))
    c.setFont("Times-Roman", 9)
    for col in range(2):
        for k in range(60):
            words = [voc[(p * 31 + col * 17 + k * 7 + i * 3) % len(voc)] for i in range(8)]
            c.drawString(72 + col * 240, 730 - k * 11.5, " ".join(words) + " %d" % (p * 120 + k))
    c.showPage()
c.save()
PY
}

if [ "$scale" -eq 1 ]; then
    /usr/bin/python3 -c 'import reportlab' 2>/dev/null || {
        echo "bench_pdf.sh: --scale needs python3-reportlab" >&2
        exit 1
    }
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-pdf-XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    printf '%-8s %14s %15s %8s\n' pages "doctag ms/page" "pdftotext ms/pg" ratio
    for n in 10 100 1000; do
        scale_pdf "$n" "$tmp/s$n.pdf"
        "$cli" text "$tmp/s$n.pdf" >/dev/null # warm up, and check it works
        t0=$(date +%s.%N)
        "$cli" text "$tmp/s$n.pdf" >/dev/null
        t1=$(date +%s.%N)
        pdftotext "$tmp/s$n.pdf" - >/dev/null
        t2=$(date +%s.%N)
        d=$(awk "BEGIN { print ($t1 - $t0) * 1000 / $n }")
        p=$(awk "BEGIN { print ($t2 - $t1) * 1000 / $n }")
        printf '%-8d %14.2f %14.2f %8.2f\n' "$n" "$d" "$p" "$(awk "BEGIN { print $d / $p }")"
    done
    exit 0
fi

# peak_kb COMMAND...: the command's peak resident set in KB (its children's too)
peak_kb() {
    /usr/bin/time -f %M -o "$tmp/rss" "$@" >/dev/null 2>&1 || return 1
    tail -n 1 "$tmp/rss"
}

if [ "$memory" -eq 1 ]; then
    for tool in qpdf /usr/bin/time; do
        command -v "$tool" >/dev/null 2>&1 || {
            echo "bench_pdf.sh: --memory needs $tool (apt-get install qpdf time)" >&2
            exit 1
        }
    done
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-pdf-XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    "$here/long_pdfs.sh" "$tmp" 300 600
    floor=${DOCTAG_PDF_FLOOR:-$root/build/bench/pdf_floor}
    echo "peak resident memory (MB), corpus PDFs concatenated to 300 and 600 pages"
    printf '%-24s %9s %9s %9s\n' tool "300 pages" "600 pages" "600/300"
    for t in "pdftotext|pdftotext" "poppler-glib floor|$floor" \
             "doctag text (1 reader)|$cli text --pdf-readers 1" "doctag text|$cli text" \
             "doctag tag (1 reader)|$cli tag --pdf-readers 1" "doctag tag|$cli tag"; do
        name=${t%%|*} cmd=${t#*|}
        [ "$name" = "poppler-glib floor" ] && [ ! -x "$floor" ] && continue
        # shellcheck disable=SC2086
        a=$(peak_kb $cmd "$tmp/p300.pdf") && b=$(peak_kb $cmd "$tmp/p600.pdf") || {
            echo "bench_pdf.sh: $name failed" >&2
            exit 1
        }
        printf '%-24s %9.1f %9.1f %9.2f\n' "$name" "$(calc "$a / 1024")" "$(calc "$b / 1024")" \
            "$(calc "$b / $a")"
    done
    echo
    set -- "$tmp/p300.pdf"
fi

if [ $# -eq 0 ]; then
    shared=${DOCTAG_SHARED_DIR:-$(dirname "$root")/shared}
    set -- "$shared"/corpus/pdf/*.pdf
    [ -f "$1" ] || { echo "bench_pdf.sh: no PDFs given and none in $shared/corpus/pdf" >&2; exit 1; }
fi

pages=0
for f in "$@"; do
    n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')
    [ -n "$n" ] || { echo "bench_pdf.sh: $f: not a readable PDF" >&2; exit 1; }
    pages=$((pages + n))
done

for f in "$@"; do
    case "$f" in
    *[[:space:]]*) echo "bench_pdf.sh: file names with spaces are not supported: $f" >&2; exit 1 ;;
    esac
done
files_list="$*"

pdftotext_stdout() { pdftotext "$1" - 2>/dev/null; }
floor=${DOCTAG_PDF_FLOOR:-$root/build/bench/pdf_floor}
[ -x "$floor" ] || floor=

# The tools, each "NAME|COMMAND"; a command runs once per file ("batch":
# once with all the files). They take turns, one round of each after the
# other, so that a machine whose speed drifts (shared cores) slows them
# alike and the ratios stay fair; each tool's time is summed over rounds.
tools="pdftotext|pdftotext_stdout"
[ -n "$floor" ] && tools="$tools
poppler-glib floor|$floor"
tools="$tools
doctag text (1 reader)|$cli text --pdf-readers 1
doctag text|$cli text
doctag tag (1 reader)|$cli tag --pdf-readers 1
doctag tag|$cli tag
doctag tag (batch)|batch $cli tag"
# DOCTAG_CLI_BEFORE: another build's CLI (a before/after comparison in one run)
if [ -n "${DOCTAG_CLI_BEFORE:-}" ]; then
    tools="$tools
before: doctag text|$DOCTAG_CLI_BEFORE text
before: doctag tag|$DOCTAG_CLI_BEFORE tag"
fi

run_tool() { # COMMAND...: over every file (or once, "batch")
    if [ "$1" = batch ]; then
        shift
        "$@" $files_list >/dev/null 2>&1
    else
        for f in $files_list; do
            "$@" "$f" >/dev/null 2>&1 || return 1
        done
    fi
}

tmp_times=$(mktemp "${TMPDIR:-/tmp}/bench-pdf-XXXXXX")
if [ "$memory" -eq 1 ]; then
    trap 'rm -rf "$tmp" "$tmp_times" "$tmp_times".cpu0 "$tmp_times".cpu1' EXIT
else
    trap 'rm -f "$tmp_times" "$tmp_times".cpu0 "$tmp_times".cpu1' EXIT
fi
# CPU seconds (user + sys) of the shell's finished children, from the
# `times` builtin's second line ("0m1.230000s 0m0.040000s")
cpu_of() {
    awk 'NR == 2 {
        split($1, u, /[ms]/); split($2, s, /[ms]/)
        print u[1] * 60 + u[2] + s[1] * 60 + s[2]
    }' "$1"
}
echo "$tools" | while IFS='|' read -r name cmd; do # one untimed round: warm up, catch failures
    # shellcheck disable=SC2086
    run_tool $cmd || { echo "bench_pdf.sh: $name failed" >&2; exit 1; }
done || exit 1
rounds=0
start=$(now)
while :; do
    echo "$tools" | while IFS='|' read -r name cmd; do
        t0=$(now)
        times >"$tmp_times".cpu0   # in this shell: its children's CPU so far
        # shellcheck disable=SC2086
        run_tool $cmd
        times >"$tmp_times".cpu1
        t1=$(now)
        echo "$name|$(calc "$t1 - $t0")|$(calc "$(cpu_of "$tmp_times".cpu1) - $(cpu_of "$tmp_times".cpu0)")"
    done >>"$tmp_times"
    rounds=$((rounds + 1))
    [ "$(calc "$(now) - $start >= $min_seconds * 5")" -eq 1 ] && [ "$rounds" -ge 3 ] && break
done

# Wall time and CPU time (user + sys, the tool's children included: on a
# shared machine the steadier of the two), each over pdftotext's and the floor's.
echo "$# PDFs, $pages pages; $rounds rounds, the tools taking turns"
printf '%-24s %7s %8s %8s %10s %11s %8s %8s %8s\n' tool pages "wall s" pages/s \
    "/pdftotext" "/floor" "cpu s" "cpu/pdft" "cpu/fl"
awk -F'|' -v pages="$pages" -v rounds="$rounds" '
    { if (!($1 in t)) order[n++] = $1; t[$1] += $2; c[$1] += $3 }
    END {
        fl = "poppler-glib floor"
        for (i = 0; i < n; i++) {
            k = order[i]
            wf = (fl in t) ? sprintf("%11.2f", t[k] / t[fl]) : sprintf("%11s", "-")
            cf = (fl in c && c[fl] > 0) ? sprintf("%8.2f", c[k] / c[fl]) : sprintf("%8s", "-")
            printf "%-24s %7d %8.3f %8.1f %10.2f %s %8.3f %8.2f %s\n", k, pages * rounds, t[k],
                   pages * rounds / t[k], t[k] / t["pdftotext"], wf, c[k],
                   (c["pdftotext"] > 0 ? c[k] / c["pdftotext"] : 0), cf
        }
    }' "$tmp_times"
