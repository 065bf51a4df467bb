#!/bin/sh
# Runs a test under valgrind, following the worker processes Criterion
# forks, and fails when any process reports an error or a definite leak.
# Programs the tests run to make their PDFs (groff, qpdf, ...) are not ours
# and are not followed.
# (Criterion does not pass a worker's valgrind exit code on, so the logs
# are read instead.)  Used by `meson test --setup valgrind`.
set -u
here=$(cd "$(dirname "$0")" && pwd)
logs=$(mktemp -d "${TMPDIR:-/tmp}/doctag-valgrind-XXXXXX")
valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite \
    --show-leak-kinds=definite --trace-children=yes \
    --trace-children-skip='/usr/*,/bin/*,/sbin/*' \
    --suppressions="$here/valgrind.supp" \
    --log-file="$logs/vg.%p.log" "$@"
status=$?
bad=0
for f in "$logs"/vg.*.log; do
    [ -s "$f" ] || continue
    bad=1
    echo "valgrind: $(basename "$f"):" >&2
    cat "$f" >&2
done
rm -rf "$logs"
[ "$bad" -eq 0 ] || exit 99
exit "$status"
