#!/bin/sh
# Regenerates sample-report.pdf from sample-report.txt with groff (-ms, two
# columns, a running header and page numbers), so the README's first command
# has a real PDF to tag. Needs groff and ghostscript (scripts/install-deps).
set -eu
cd "$(dirname "$0")"
{
    printf '.nr PS 10\n.nr VS 12\n.ds CH\n.ds LH Border Technology Briefing\n.ds RH Page %%\n.ds CF\n'
    title=$(head -n 1 sample-report.txt)
    printf '.TL\n%s\n.2C\n' "$title"
    tail -n +2 sample-report.txt | awk '
        /^$/ { next }
        length($0) < 40 && $0 !~ /[.:;]$/ { printf ".SH\n%s\n.PP\n", $0; next }
        { printf ".PP\n%s\n", $0 }'
} | groff -k -ms -Tpdf -P-pa4 > sample-report.pdf
