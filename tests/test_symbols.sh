#!/bin/sh
# The shared library exports exactly the symbols listed in
# libtag/libdoctag.map, each in its version node, and the public header
# declares exactly those functions.
#   test_symbols.sh LIBRARY MAP HEADER
set -eu
lib=$1 map=$2 header=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# name@@NODE for every exported (defined, global) symbol of ours
nm -D --defined-only --with-symbol-versions "$lib" |
    awk '$2 ~ /^[TDBR]$/ && $3 !~ /^DOCTAG_[0-9.]+@@/ { print $3 }' | sort > "$tmp/exported"
# the same from the map: each name with the node it sits in
awk '/^DOCTAG_[0-9.]+ *\{/ { node = $1 }
     /^ *doctag_[a-z0-9_]+;/ { sub(/;/, "", $1); print $1 "@@" node }' "$map" | sort > "$tmp/listed"
if ! diff -u "$tmp/listed" "$tmp/exported"; then
    echo "test_symbols: $lib exports differ from $map (- listed, + exported)" >&2
    exit 1
fi
# every function the header declares is listed, and nothing else
grep -o '^DOCTAG_API [^(]*doctag_[a-z0-9_]*(' "$header" | sed 's/.*[ *]\(doctag_[a-z0-9_]*\)(/\1/' | sort -u > "$tmp/declared"
sed 's/@@.*//' "$tmp/listed" | sort -u > "$tmp/names"
if ! diff -u "$tmp/names" "$tmp/declared"; then
    echo "test_symbols: $header declares other functions than $map lists (- listed, + declared)" >&2
    exit 1
fi
echo "test_symbols: $(wc -l < "$tmp/names") symbols exported, listed and declared"
