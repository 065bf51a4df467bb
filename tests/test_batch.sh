#!/usr/bin/env bash
# test_batch.sh: `doctag batch` end to end, on a real tree of reports:
# folders, a zip, a tar.gz, a single .gz, same-stem files in different
# folders, a damaged PDF, an encrypted PDF and a file that is no document.
# Checks that every good document gets exactly the entities `doctag tag`
# gives it alone, that every failure is in the manifest, that -j 1 and
# -j 4 write the same, that a batch killed with SIGKILL and run again ends
# complete with nothing duplicated or half-written, and that a rerun with
# nothing changed tags nothing.
#
# Environment (tests/meson.build): DOCTAG_CLI (required), DOCTAG_SOURCE_DIR,
# DOCTAG_SHARED_DIR (optional: more PDFs when present).
set -u

cli=${DOCTAG_CLI:?DOCTAG_CLI must name the doctag binary}
src=${DOCTAG_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
shared=${DOCTAG_SHARED_DIR:-}
python=/usr/bin/python3
[ -x "$python" ] || python=python3

tmp=$(mktemp -d "${TMPDIR:-/tmp}/doctag-batch.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1"; [ $# -gt 1 ] && printf '       %s\n' "$2"; return 0; }
skip() { echo "skip - $1"; }
check() { # check DESC COMMAND...: passes when COMMAND succeeds
    local desc=$1
    shift
    if "$@" >check.out 2>&1; then pass "$desc"; else fail "$desc" "$(head -c 600 check.out)"; fi
}

for tool in zip tar gzip qpdf; do
    command -v "$tool" >/dev/null 2>&1 || { echo "skip - $tool not installed"; exit 77; }
done
if ! "$cli" text "$src/samples/sample-report.pdf" >/dev/null 2>&1; then
    echo "skip - doctag built without PDF support"
    exit 77
fi

# ---- the tree ----------------------------------------------------------------
pdf1=$src/samples/sample-report.pdf
pdf2=$pdf1
if [ -n "$shared" ] && [ -f "$shared/corpus/pdf/bhrrc-palantir-ice-raids.pdf" ]; then
    pdf2=$shared/corpus/pdf/bhrrc-palantir-ice-raids.pdf
fi
mkdir -p reports/2019 reports/2020 reports/bad stage/2019 stage/notes
cp "$pdf1" reports/2019/a.pdf
cp "$pdf2" reports/2020/a.pdf                       # same stem, another folder
cp "$src/samples/sample-report.txt" reports/a.txt   # same stem, another kind
printf 'The Office of the UN High Commissioner for Refugees (UNHCR) cited A/HRC/48/76 and the ICCPR.\n' \
    >reports/2020/notes.txt
printf 'ICE paid $91.9 million.\n' >reports/.hidden.txt   # left out
head -c 2000 "$pdf2" >reports/bad/damaged.pdf
qpdf --encrypt u o 256 -- "$pdf1" reports/bad/encrypted.pdf
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >reports/bad/image.png
cp "$pdf2" stage/2019/a.pdf
cp reports/2020/notes.txt stage/notes/notes.txt
(cd stage && zip -qr ../bundle.zip 2019 notes && tar czf ../bundle.tar.gz 2019 notes)
gzip -c reports/2020/notes.txt >notes.txt.gz

inputs="reports bundle.zip bundle.tar.gz notes.txt.gz"
good_ids="reports/2019/a.pdf reports/2020/a.pdf reports/2020/notes.txt reports/a.txt
bundle.zip!2019/a.pdf bundle.zip!notes/notes.txt bundle.tar.gz!2019/a.pdf
bundle.tar.gz!notes/notes.txt notes.txt.gz"
bad_ids="reports/bad/damaged.pdf reports/bad/encrypted.pdf reports/bad/image.png"
# where each good document's bytes are, to tag it alone
source_of() {
    case "$1" in
    reports/*) echo "$1" ;;
    *2019/a.pdf) echo stage/2019/a.pdf ;;
    *) echo stage/notes/notes.txt ;;
    esac
}

# A checker, in Python: "entities FILE" prints one line per entity without
# its doc (type, text, offsets, canonical, page, boxes) for comparisons;
# "manifest FILE" prints doc|status|output per record, and fails on a
# malformed line.
cat >check.py <<'PY'
import json, sys
mode, path = sys.argv[1], sys.argv[2]
for line in open(path, encoding="utf-8"):
    o = json.loads(line)
    if mode == "entities":
        o.pop("doc")
        o.pop("path", None)  # where it was read from: a staged copy when tagged alone
        print(json.dumps(o, sort_keys=True))
    elif mode == "docs":
        print(o["doc"])
    else:
        print("|".join(str(o.get(k)) for k in ("doc", "status", "output")))
PY
py() { "$python" check.py "$@"; }

# ---- one batch, per-document outputs ----------------------------------------
"$cli" batch -j 2 -d out $inputs >run1.out 2>run1.err
status=$?
if [ "$status" -eq 1 ]; then pass "batch with failures: exit 1"; else fail "batch with failures: exit $status, want 1" "$(head -c 600 run1.err)"; fi
if [ ! -s run1.out ]; then pass "--out-dir: nothing on stdout"; else fail "--out-dir: nothing on stdout"; fi
py manifest out/manifest.jsonl >manifest.list || fail "manifest: valid JSON Lines"

for id in $good_ids; do
    out="out/$(printf '%s' "$id" | tr '!' '/').jsonl"
    if ! grep -qxF "$id|ok|$(printf '%s' "$id" | tr '!' '/').jsonl" manifest.list; then
        fail "manifest: $id ok" "$(cat manifest.list)"
        continue
    fi
    "$cli" tag "$(source_of "$id")" >alone.jsonl 2>/dev/null
    py entities alone.jsonl >alone.list
    py entities "$out" >batch.list 2>/dev/null
    if [ -s alone.list ] && cmp -s alone.list batch.list; then
        pass "$id: the entities of tagging it alone"
    else
        fail "$id: the entities of tagging it alone" "$(diff alone.list batch.list | head -5)"
    fi
    if [ "$(py docs "$out" | sort -u)" = "$id" ]; then pass "$id: doc field is its id"; else fail "$id: doc field is its id"; fi
done
for id in $bad_ids; do
    has=$(grep -c "^$id|failed|None$" manifest.list)
    if [ "$has" -eq 1 ]; then pass "manifest: $id failed, no output"; else fail "manifest: $id failed, no output" "$(cat manifest.list)"; fi
    if grep -q "^doctag: $id: " run1.err; then pass "stderr: $id reported"; else fail "stderr: $id reported" "$(cat run1.err)"; fi
done
grep -q 'encrypted.pdf", .*"error": "encrypted PDF' out/manifest.jsonl &&
    pass "manifest: the encrypted PDF's error says so" || fail "manifest: the encrypted PDF's error says so"
if [ "$(wc -l <manifest.list)" -eq 12 ]; then pass "manifest: 12 records, hidden file left out"; else fail "manifest: 12 records" "$(cat manifest.list)"; fi
if ! find out -name '*.part' | grep -q .; then pass "no temporary files left"; else fail "no temporary files left"; fi
has_summary=$(grep -c '^doctag batch: 12 documents: 9 tagged, 3 failed' run1.err)
if [ "$has_summary" -eq 1 ]; then pass "summary on stderr"; else fail "summary on stderr" "$(tail -n 2 run1.err)"; fi

# ---- a rerun with nothing changed tags nothing --------------------------------
cp out/manifest.jsonl manifest.before
ls -l --time-style=+%s.%N -R out >tree.before
"$cli" batch -j 2 -d out $inputs >run2.out 2>run2.err
status=$?
if [ "$status" -eq 1 ]; then pass "rerun: exit 1 (the failures remain)"; else fail "rerun: exit $status, want 1"; fi
grep -q '^doctag batch: 12 documents: 0 tagged, 3 failed (3 in an earlier run), 9 passed by' run2.err &&
    pass "rerun: nothing tagged" || fail "rerun: nothing tagged" "$(tail -n 1 run2.err)"
ls -l --time-style=+%s.%N -R out >tree.after
check "rerun: no output rewritten, manifest unchanged" cmp tree.before tree.after
check "rerun: manifest bytes unchanged" cmp manifest.before out/manifest.jsonl

# a changed input is redone, and only it
sleep 1
printf 'The Federal Bureau of Investigation (FBI) paid $3 million.\n' >reports/a.txt
"$cli" batch -d out $inputs >run3.out 2>run3.err
grep -q ': 12 documents: 1 tagged,' run3.err && pass "changed input: only it redone" ||
    fail "changed input: only it redone" "$(tail -n 1 run3.err)"
grep -q '"FBI"' out/reports/a.txt.jsonl && pass "changed input: new output" || fail "changed input: new output"
if [ "$(py manifest out/manifest.jsonl | cut -d'|' -f1 | sort | uniq -d)" = "" ]; then
    pass "manifest: one record per document after a redo"
else
    fail "manifest: one record per document after a redo"
fi
cp "$src/samples/sample-report.txt" reports/a.txt

# ---- -j 1 and -j 4: the same ---------------------------------------------------
"$cli" batch -q -j 1 $inputs >j1.jsonl 2>/dev/null
"$cli" batch -q -j 4 $inputs >j4.jsonl 2>/dev/null
if [ -s j1.jsonl ] && cmp -s j1.jsonl j4.jsonl; then pass "stream: -j 1 and -j 4 identical"; else fail "stream: -j 1 and -j 4 identical"; fi
"$cli" batch -q -j 1 -d o1 $inputs 2>/dev/null
"$cli" batch -q -j 4 -d o4 $inputs 2>/dev/null
check "--out-dir: -j 1 and -j 4 identical" diff -r -x manifest.jsonl o1 o4
cat $(for id in $good_ids; do printf 'o1/%s.jsonl ' "$(printf '%s' "$id" | tr '!' '/')"; done) >concat.jsonl
check "stream: the per-document outputs, in input order" cmp concat.jsonl j1.jsonl
"$cli" batch -q -f tsv -j 3 $inputs >j.tsv 2>/dev/null
if [ "$(grep -c '^doc	type	' j.tsv)" -eq 1 ] && [ "$(($(wc -l <j.tsv) - 1))" -eq "$(wc -l <j1.jsonl)" ]; then
    pass "stream tsv: one header, a row per entity"
else
    fail "stream tsv: one header, a row per entity"
fi

# ---- SIGKILL partway, then a rerun ------------------------------------------------
mkdir -p many
for i in $(seq 1 60); do cp "$pdf1" "many/r$i.pdf"; cp "$src/samples/sample-report.txt" "many/t$i.txt"; done
(cd many && zip -q ../many.zip r1*.pdf)
"$cli" batch -q -j 2 -d ref many many.zip 2>/dev/null
"$cli" batch -q -j 2 -d killed many many.zip 2>/dev/null &
pid=$!
for _ in $(seq 1 200); do
    [ -f killed/manifest.jsonl ] && [ "$(wc -l <killed/manifest.jsonl)" -ge 20 ] && break
    sleep 0.02
done
kill -KILL "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
done_before=$(wc -l <killed/manifest.jsonl)
total=$(wc -l <ref/manifest.jsonl)
if [ "$done_before" -ge 1 ] && [ "$done_before" -lt "$total" ]; then
    pass "kill: stopped partway ($done_before of $total)"
else
    skip "kill: the batch was not caught partway ($done_before of $total)"
fi
# every record names a complete output: the same bytes as the reference
bad=0
while IFS='|' read -r doc st output; do
    [ "$st" = ok ] && ! cmp -s "killed/$output" "ref/$output" && bad=1
done < <(py manifest killed/manifest.jsonl)
[ "$bad" -eq 0 ] && pass "kill: every recorded output complete" || fail "kill: every recorded output complete"
"$cli" batch -j 2 -d killed many many.zip >/dev/null 2>rerun.err
status=$?
[ "$status" -eq 0 ] && pass "kill, rerun: exit 0" || fail "kill, rerun: exit $status" "$(head -c 400 rerun.err)"
grep -q "$total documents: $((total - done_before)) tagged, 0 failed (0 in an earlier run), $done_before passed by" rerun.err &&
    pass "kill, rerun: only the rest tagged" || fail "kill, rerun: only the rest tagged" "$(tail -n 1 rerun.err)"
check "kill, rerun: outputs as an uninterrupted run" diff -r -x manifest.jsonl ref killed
[ "$(py manifest killed/manifest.jsonl | sort -u | wc -l)" -eq "$total" ] &&
    [ "$(wc -l <killed/manifest.jsonl)" -eq "$total" ] &&
    pass "kill, rerun: one record per document" || fail "kill, rerun: one record per document"

# a record torn by a crash (no newline) is ignored, and the next one starts a line
printf '{"doc": "many/r1.pdf", "status": "o' >>killed/manifest.jsonl
"$cli" batch -j 2 -d killed many many.zip >/dev/null 2>torn.err
status=$?
[ "$status" -eq 0 ] && grep -q ': 0 tagged,' torn.err && py manifest killed/manifest.jsonl >/dev/null &&
    [ "$(wc -l <killed/manifest.jsonl)" -eq "$total" ] &&
    pass "torn last record: ignored and cut" || fail "torn last record: ignored and cut" "exit $status: $(tail -n 1 torn.err)"

# Ctrl-C: the walk stops, what is under way is finished and recorded, exit 130
"$cli" batch -j 2 -d interrupted many many.zip >/dev/null 2>int.err &
pid=$!
for _ in $(seq 1 200); do
    [ -f interrupted/manifest.jsonl ] && [ "$(wc -l <interrupted/manifest.jsonl)" -ge 5 ] && break
    sleep 0.02
done
kill -INT "$pid" 2>/dev/null
wait "$pid"
status=$?
if [ "$status" -eq 130 ] && grep -q 'interrupted' int.err; then
    pass "SIGINT: exit 130, said so"
    "$cli" batch -q -j 2 -d interrupted many many.zip 2>/dev/null
    check "SIGINT, rerun: outputs as an uninterrupted run" diff -r -x manifest.jsonl ref interrupted
else
    skip "SIGINT: the batch was not caught partway (exit $status)"
fi

# ---- more archive formats, nesting, and archive members that are not reports ------
mkdir -p fmt
tar cJf fmt/texts.tar.xz -C stage notes
if command -v bsdtar >/dev/null 2>&1; then bsdtar --format 7zip -cf fmt/texts.7z -C stage notes; fi
tar cf fmt/nested.tar bundle.zip
"$python" - <<'PY'
import zipfile
with zipfile.ZipFile("fmt/odd.zip", "w") as z:
    z.writestr("../../escape.txt", "ICE paid $1 million.")      # must not leave the output folder
    z.writestr("ok.txt", "ICE paid $1 million.")
with zipfile.ZipFile("fmt/letter.docx", "w") as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("word/document.xml", "<w:document>ICE</w:document>")
PY
"$cli" batch -q -d fmtout fmt 2>fmt.err
py manifest fmtout/manifest.jsonl >fmt.list
has() { if grep -qxF -- "$2" fmt.list; then pass "$1"; else fail "$1" "$(cat fmt.list)"; fi; }
has "tar.xz member" 'fmt/texts.tar.xz!notes/notes.txt|ok|fmt/texts.tar.xz/notes/notes.txt.jsonl'
if [ -f fmt/texts.7z ]; then
    has "7z member" 'fmt/texts.7z!notes/notes.txt|ok|fmt/texts.7z/notes/notes.txt.jsonl'
else
    skip "7z: no bsdtar (libarchive-tools) to make one"
fi
has "an archive inside an archive" 'fmt/nested.tar!bundle.zip!2019/a.pdf|ok|fmt/nested.tar/bundle.zip/2019/a.pdf.jsonl'
has "a member path with '..' fails, unread" 'fmt/odd.zip!../../escape.txt|failed|None'
has "the other members of that archive are read" 'fmt/odd.zip!ok.txt|ok|fmt/odd.zip/ok.txt.jsonl'
has "an office document (a zip of XML) is unsupported" 'fmt/letter.docx|failed|None'
if [ ! -e escape.txt.jsonl ] && [ ! -e fmtout/escape.txt.jsonl ] && ! find . -name 'escape.txt*' | grep -q .; then
    pass "nothing written outside the output folder"
else
    fail "nothing written outside the output folder"
fi

# standard input: an archive streamed in, or one document
"$cli" batch -j 2 - <bundle.tar.gz >stdin.jsonl 2>stdin.err
"$cli" batch -q -j 2 bundle.tar.gz 2>/dev/null | sed 's/"doc": "bundle\.tar\.gz!/"doc": "stdin!/' >file.jsonl
[ -s stdin.jsonl ] && cmp -s stdin.jsonl file.jsonl && pass "stdin: a tar.gz streamed in, ids stdin!member" ||
    fail "stdin: a tar.gz streamed in" "$(head -c 300 stdin.err)"
"$cli" batch -q - <reports/2020/notes.txt | py docs /dev/stdin | sort -u >stdin.docs
[ "$(cat stdin.docs)" = stdin ] && pass "stdin: one document, id stdin" || fail "stdin: one document, id stdin"

# an output folder inside an input is not read as input
mkdir -p inside
cp reports/2020/notes.txt inside/
"$cli" batch -q -d inside/out inside 2>/dev/null
"$cli" batch -d inside/out inside >/dev/null 2>inside.err
grep -q ': 1 document: 0 tagged, 0 failed (0 in an earlier run), 1 passed by' inside.err &&
    pass "the output folder inside an input is left out" || fail "the output folder inside an input is left out" "$(tail -n 1 inside.err)"

# ---- options ------------------------------------------------------------------------
"$cli" batch -q -g '*.pdf' -d globbed reports 2>/dev/null
[ "$(py docs globbed/manifest.jsonl 2>/dev/null | tr '\n' ' ')" = "reports/2019/a.pdf reports/2020/a.pdf reports/bad/damaged.pdf reports/bad/encrypted.pdf " ] &&
    pass "--glob '*.pdf'" || fail "--glob '*.pdf'" "$(cat globbed/manifest.jsonl)"
"$cli" batch -q -x bad -x '*.txt' -d excluded reports 2>/dev/null
status=$?
[ "$status" -eq 0 ] && [ "$(wc -l <excluded/manifest.jsonl)" -eq 2 ] && pass "--exclude a folder and a pattern" ||
    fail "--exclude a folder and a pattern" "exit $status"
"$cli" batch -q --max-bytes 1K -d small reports/2019 2>/dev/null
grep -q '"status": "failed".*max-bytes' small/manifest.jsonl && pass "--max-bytes: a larger document fails" ||
    fail "--max-bytes: a larger document fails"
"$cli" batch -q --max-bytes 0 -d zero reports/2019 2>zero.err
status=$?
[ "$status" -eq 2 ] && grep -q "bad --max-bytes '0'" zero.err &&
    pass "--max-bytes 0: a usage error, as for tag (the limit options parsed in one place)" ||
    fail "--max-bytes 0: a usage error" "exit $status: $(cat zero.err)"
"$cli" batch -q --password u -d pw reports/bad/encrypted.pdf 2>/dev/null && pass "--password opens the encrypted PDF" ||
    fail "--password opens the encrypted PDF"
"$cli" batch -q -d same reports/2019/a.pdf stage/2019/a.pdf 2>same.err
grep -q 'same id' same.err && pass "two inputs with one id: the second reported" || fail "two inputs with one id"

# ---- doctag tag does not read an archive as one PDF ---------------------------------
tar cf two.tar -C reports 2019/a.pdf 2020/a.pdf
"$cli" tag two.tar >tar.out 2>tar.err
status=$?
[ "$status" -eq 1 ] && [ ! -s tar.out ] && grep -q "doctag batch" tar.err &&
    pass "tag: a tar of PDFs is reported, not read as one PDF" || fail "tag: a tar of PDFs" "exit $status"

# ---- usage errors --------------------------------------------------------------------
"$cli" batch >/dev/null 2>&1; [ $? -eq 2 ] && pass "no inputs: exit 2" || fail "no inputs: exit 2"
"$cli" batch -d x -o y reports >/dev/null 2>&1; [ $? -eq 2 ] && pass "-d with -o: exit 2" || fail "-d with -o: exit 2"
"$cli" batch -j 0 reports >/dev/null 2>&1; [ $? -eq 2 ] && pass "-j 0: exit 2" || fail "-j 0: exit 2"
"$cli" batch --help | grep -q '^Usage: doctag batch' && pass "batch --help" || fail "batch --help"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
