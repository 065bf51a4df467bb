#!/usr/bin/env bash
# test_cli.sh: the doctag command-line tool, end to end.
#
# Environment (set by tests/meson.build):
#   DOCTAG_CLI         the built doctag binary (required)
#   DOCTAG_SHARED_DIR  ../shared, the corpus; corpus cases skip when absent
#   DOCTAG_SOURCE_DIR  the source tree
# Prints one line per check, then "N passed, M failed"; exits 1 on any failure.
set -u

cli=${DOCTAG_CLI:?DOCTAG_CLI must name the doctag binary}
shared=${DOCTAG_SHARED_DIR:-}
python=/usr/bin/python3
[ -x "$python" ] || python=python3

tmp=$(mktemp -d "${TMPDIR:-/tmp}/doctag-cli.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1"; [ $# -gt 1 ] && printf '       %s\n' "$2"; return 0; }
skip() { echo "skip - $1"; }

# run NAME ARGS...: runs doctag with stdout in NAME.out, stderr in NAME.err
# and the exit status in $status.
run() {
    local name=$1
    shift
    "$cli" "$@" >"$name.out" 2>"$name.err"
    status=$?
}

# expect_status NAME WANT: the last run exited WANT.
expect_status() {
    if [ "$status" -eq "$2" ]; then
        pass "$1: exit $2"
    else
        fail "$1: exit $status, want $2" "stderr: $(head -c 300 "$1.err" 2>/dev/null)"
    fi
}

# has_line FILE LINE DESC: FILE holds exactly LINE.
has_line() {
    if grep -qxF -- "$2" "$1"; then pass "$3"; else fail "$3" "no line '$2' in $1: $(head -c 400 "$1")"; fi
}
lacks_line() {
    if grep -qxF -- "$2" "$1"; then fail "$3" "unexpected line '$2' in $1"; else pass "$3"; fi
}
# has_text FILE REGEX DESC (grep -E)
has_text() {
    if grep -qE -- "$2" "$1"; then pass "$3"; else fail "$3" "no /$2/ in $1: $(head -c 400 "$1")"; fi
}

# A checker for JSON Lines: "entities FILE [SOURCE]" prints each entity as
# doc|type|text|start|end|canonical|page (page "-" when absent); it fails if
# a line is not a JSON object with the required keys of the right types,
# or, given SOURCE, if a text is not SOURCE's bytes [start, end).
cat >jsonl.py <<'EOF'
import json, sys
path = sys.argv[2]
src = open(sys.argv[3], "rb").read() if len(sys.argv) > 3 else None
bad = 0
with open(path, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        try:
            o = json.loads(line)
        except ValueError as e:
            print(f"{path}:{n}: not JSON: {e}", file=sys.stderr); bad = 1; continue
        keys = {"doc": str, "type": str, "text": str, "start": int, "end": int, "canonical": str}
        for k, t in keys.items():
            if not isinstance(o.get(k), t):
                print(f"{path}:{n}: {k} missing or not {t.__name__}", file=sys.stderr); bad = 1
        if "page" in o and not (isinstance(o["page"], int) and isinstance(o.get("boxes"), list)
                                and all(len(b) == 5 for b in o["boxes"])):
            print(f"{path}:{n}: bad page/boxes", file=sys.stderr); bad = 1
        if src is not None and src[o["start"]:o["end"]].decode("utf-8", "replace") != o["text"]:
            print(f"{path}:{n}: text {o['text']!r} is not source[{o['start']}:{o['end']}]", file=sys.stderr); bad = 1
        print("|".join(str(o.get(k, "-")) for k in ("doc", "type", "text", "start", "end", "canonical", "page")))
sys.exit(bad)
EOF
# entities FILE [SOURCE] > LIST; returns non-zero on a malformed line.
entities() { "$python" jsonl.py entities "$@"; }

# valid_jsonl DESC FILE [SOURCE]: FILE is well-formed and offsets match.
valid_jsonl() {
    local desc=$1
    shift
    if entities "$@" >/dev/null 2>check.err; then pass "$desc"; else fail "$desc" "$(head -c 400 check.err)"; fi
}

# A binary that does not start (not built, library not found) is one
# failure, not a hundred.
if ! "$cli" --version >/dev/null 2>start.err; then
    fail "doctag starts: $cli" "$(head -c 400 start.err)"
    echo "$passed passed, $failed failed"
    exit 1
fi

sample='Immigration and Customs Enforcement (ICE) paid $91.9 million.'
printf '%s\n' "$sample" >sample.txt

# ---- version and help ------------------------------------------------------
run version --version
expect_status version 0
has_text version.out '^doctag [0-9]+\.[0-9]+\.[0-9]+' "--version prints the version"
run help --help
expect_status help 0
has_text help.out 'Exit status' "--help documents the exit status"
has_text help.out '3 +the model could not be loaded' "--help documents exit 3"
for c in tag text batch compile highlight; do
    run "help-$c" "$c" --help
    expect_status "help-$c" 0
    has_text "help-$c.out" "^Usage: doctag $c" "$c --help prints its usage"
done

# ---- the manual page and the completions ----------------------------------
src=${DOCTAG_SOURCE_DIR:-}
man=${DOCTAG_BUILD_DIR:-}/doc/doctag.1   # made from doc/doctag.1.in by meson
if [ -n "${DOCTAG_BUILD_DIR:-}" ] && [ -f "$man" ]; then
    # every command and long option of the help is in the manual page
    missing=
    for c in tag text batch highlight compile; do
        grep -q "^\.B doctag $c" "$man" || missing="$missing $c"
        for o in $("$cli" "$c" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
            grep -qF -- "$(printf '%s' "$o" | sed 's/-/\\-/g')" "$man" || missing="$missing $c:$o"
        done
    done
    if [ -z "$missing" ]; then pass "man page: every command and option"; else fail "man page: every command and option" "missing:$missing"; fi
    for section in 'EXIT STATUS' 'EXAMPLES' 'DIAGNOSTICS'; do
        has_text "$man" "^\.SH $section" "man page: $section section"
    done
    if command -v man >/dev/null 2>&1; then
        if MANWIDTH=80 man --warnings -l "$man" >man.out 2>man.err && [ ! -s man.err ] &&
           grep -q 'doctag highlight' man.out; then
            pass "man page: renders without warnings"
        else
            fail "man page: renders without warnings" "$(head -c 400 man.err)"
        fi
    else
        skip "man page rendering: no man"
    fi
    # bash completion: commands, options, formats, types
    complete_words() {  # complete_words WORD... (the last one is being completed)
        bash -c 'complete() { :; }; source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
                 _doctag; printf "%s\n" "${COMPREPLY[@]}"' _ "$src/doc/doctag.bash" "$@"
    }
    complete_words doctag h >comp1.out 2>&1
    has_line comp1.out highlight "bash completion: commands"
    complete_words doctag tag --format '' >comp2.out 2>&1
    has_line comp2.out csv "bash completion: --format values"
    complete_words doctag tag --types money,ag >comp3.out 2>&1
    has_line comp3.out money,agency "bash completion: comma-separated --types"
    complete_words doctag highlight --o >comp4.out 2>&1
    has_line comp4.out --output "bash completion: a command's options"
    complete_words doctag batch --ma >comp5.out 2>&1
    has_line comp5.out --max-bytes "bash completion: batch's options"
    if command -v zsh >/dev/null 2>&1; then
        if zsh -n "$src/doc/_doctag" 2>zsh.err; then pass "zsh completion: parses"; else fail "zsh completion: parses" "$(cat zsh.err)"; fi
    else
        skip "zsh completion: no zsh"
    fi
else
    skip "man page and completions: DOCTAG_SOURCE_DIR not set"
fi

# ---- tag a text file -------------------------------------------------------
run tag1 tag sample.txt
expect_status tag1 0
valid_jsonl "tag: JSON Lines well formed, texts match offsets" tag1.out sample.txt
entities tag1.out >tag1.list 2>/dev/null
has_line tag1.list 'sample|agency|Immigration and Customs Enforcement|0|35|id=ICE|-' "tag: agency, full name"
has_line tag1.list 'sample|agency|ICE|37|40|id=ICE|-' "tag: agency, acronym"
has_text tag1.list '^sample\|money\|\$91\.9 million\|47\|60\|[^|]*value=91900000' "tag: money with value"
if grep -q '"page"' tag1.out; then fail "tag: no page/boxes for a text input"; else pass "tag: no page/boxes for a text input"; fi

# ---- stdin -----------------------------------------------------------------
"$cli" tag - <sample.txt >stdin.out 2>stdin.err
status=$?
expect_status stdin 0
entities stdin.out >stdin.list 2>/dev/null
has_line stdin.list 'stdin|agency|ICE|37|40|id=ICE|-' "tag -: reads stdin, doc name 'stdin'"

# ---- --types ---------------------------------------------------------------
run types tag --types money sample.txt
expect_status types 0
entities types.out >types.list 2>/dev/null
if [ "$(wc -l <types.list)" -ge 1 ] && ! grep -qv '^sample|money|' types.list; then
    pass "--types money: only money"
else
    fail "--types money: only money" "$(cat types.list)"
fi
run types-bad tag --types money,cash sample.txt
expect_status types-bad 2

# ---- --format tsv, escaping ------------------------------------------------
printf 'The Immigration and\tCustoms\nEnforcement said so.\n' >ws.txt
run tsv tag --format tsv sample.txt ws.txt
expect_status tsv 0
if [ "$(head -n 1 tsv.out)" = "$(printf 'doc\ttype\ttext\tstart\tend\tcanonical\tpage\tpath')" ]; then
    pass "tsv: header line"
else
    fail "tsv: header line" "$(head -n 1 tsv.out)"
fi
has_line tsv.out "$(printf 'sample\tagency\tICE\t37\t40\tid=ICE\t\tsample.txt')" "tsv: a row, with the input path"
has_line tsv.out "$(printf 'ws\tagency\tImmigration and\\tCustoms\\nEnforcement\t4\t39\tid=ICE\t\tws.txt')" \
    "tsv: tab and newline in text escaped"
if awk -F '\t' 'NF != 8 { bad = 1 } END { exit bad }' tsv.out; then
    pass "tsv: 8 columns on every line"
else
    fail "tsv: 8 columns on every line"
fi
run tsv-nohead tag --format tsv --no-header sample.txt
if [ "$(head -n 1 tsv-nohead.out)" = "$(sed -n 2p tsv.out)" ]; then
    pass "--no-header: no header line"
else
    fail "--no-header: no header line" "$(head -n 1 tsv-nohead.out)"
fi
has_text tag1.out '^\{"doc": "sample", "path": "sample\.txt", "type"' "json: the input path beside the doc id"

# ---- --format csv: RFC 4180, read back by Python's csv module --------------
printf 'The Department of Homeland\nSecurity, "DHS", paid $5 million.\n' >multi.txt
run csv tag --format csv multi.txt sample.txt
expect_status csv 0
cat >csvcheck.py <<'EOF2'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
assert rows[0] == ["doc", "type", "text", "start", "end", "canonical", "page", "path"], rows[0]
assert all(len(r) == 8 for r in rows), [r for r in rows if len(r) != 8]
src = open("multi.txt", "rb").read()
for r in rows[1:]:
    if r[0] == "multi":
        assert src[int(r[3]):int(r[4])].decode() == r[2], r
print("\n".join("|".join(r[:3] + [r[7]]) for r in rows[1:]))
EOF2
if "$python" csvcheck.py csv.out >csv.list 2>csv.err; then
    pass "csv: 8 fields a row, texts match offsets (Python csv module)"
else
    fail "csv: 8 fields a row, texts match offsets (Python csv module)" "$(tail -n 3 csv.err)"
fi
has_line csv.list "$(printf 'multi|agency|Department of Homeland\nSecurity|multi.txt')" \
    "csv: an entity spanning a line break is one quoted field"
has_line csv.list 'sample|agency|ICE|sample.txt' "csv: a plain row"
if grep -q "$(printf '\r$')" csv.out; then pass "csv: CRLF line ends"; else fail "csv: CRLF line ends"; fi
run ws tag ws.txt
valid_jsonl "json: tab and newline in text escaped, offsets match" ws.out ws.txt

# ---- --out-dir -------------------------------------------------------------
cp sample.txt a.txt
cp sample.txt b.report.txt
run outdir tag --out-dir out/sub a.txt b.report.txt
expect_status outdir 0
if [ -f out/sub/a.jsonl ] && [ -f out/sub/b.report.jsonl ]; then
    pass "--out-dir: DIR created, files named <doc>.jsonl"
    valid_jsonl "--out-dir: a.jsonl well formed" out/sub/a.jsonl a.txt
else
    fail "--out-dir: DIR created, files named <doc>.jsonl" "$(ls -R out 2>&1)"
fi
if [ ! -s outdir.out ]; then pass "--out-dir: nothing on stdout"; else fail "--out-dir: nothing on stdout"; fi
run outdir-tsv tag --format tsv --out-dir out/tsv a.txt
if [ -f out/tsv/a.tsv ] && [ "$(head -c 4 out/tsv/a.tsv)" = "doc	" ]; then
    pass "--out-dir --format tsv: <doc>.tsv with header"
else
    fail "--out-dir --format tsv: <doc>.tsv with header"
fi
mkdir -p other
cp sample.txt other/a.txt
run clash tag --out-dir out/clash a.txt other/a.txt
expect_status clash 1
has_text clash.err 'other/a\.txt' "--out-dir: a second input named 'a' is reported, not overwritten"

# ---- batches: a bad input never stops the others ---------------------------
run batch tag a.txt missing.txt b.report.txt
expect_status batch 1
has_line batch.err 'doctag: cannot open missing.txt: No such file or directory' \
    "batch: a missing file reported with the system's reason"
mkdir -p adir
run dir tag adir a.txt
expect_status dir 1
has_line dir.err 'doctag: cannot open adir: Is a directory' "a directory given as a file: 'Is a directory'"
has_text dir.out '"doc": "a"' "a directory given as a file: the next file still tagged"
cp a.txt locked.txt
chmod 000 locked.txt
if [ "$(id -u)" -ne 0 ]; then
    run perm tag locked.txt
    has_line perm.err 'doctag: cannot open locked.txt: Permission denied' "an unreadable file: 'Permission denied'"
elif command -v setpriv >/dev/null 2>&1 && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null &&
     setpriv --reuid=65534 --regid=65534 --clear-groups "$cli" --version >/dev/null 2>&1; then
    # root reads any file: ask as nobody
    setpriv --reuid=65534 --regid=65534 --clear-groups "$cli" tag "$tmp/locked.txt" >perm.out 2>perm.err
    has_line perm.err "doctag: cannot open $tmp/locked.txt: Permission denied" "an unreadable file: 'Permission denied' (as nobody)"
else
    skip "an unreadable file: running as root, and cannot run doctag as nobody"
fi
entities batch.out >batch.list 2>/dev/null
has_line batch.list 'a|agency|ICE|37|40|id=ICE|-' "batch: file before the missing one tagged"
has_line batch.list 'b.report|agency|ICE|37|40|id=ICE|-' "batch: file after the missing one tagged"

: >empty.txt
run empty tag empty.txt a.txt
# An empty text file has no entities, as in C (doctag_tag_text) and Python
# (Model.tag_text("")): exit 0, a warning on stderr.
if [ "$status" -eq 0 ] && grep -q '^doctag: empty\.txt: warning: the file is empty' empty.err; then
    pass "empty input: no entities, a warning, exit 0"
else
    fail "empty input: no entities, a warning, exit 0" "exit $status: $(head -c 300 empty.err)"
fi
if grep -q '"doc": "empty"' empty.out; then fail "empty input: no entities"; else pass "empty input: no entities"; fi
has_text empty.out '"doc": "a"' "empty input: the next file still tagged"

# ---- invalid UTF-8: reported with the byte offset --------------------------
printf 'Seven bytes\377 and ICE.\n' >bad-utf.txt
run utf8 tag bad-utf.txt a.txt
expect_status utf8 1
has_text utf8.err '^doctag: bad-utf\.txt: .*UTF-8.*[^0-9]11([^0-9]|$)' "invalid UTF-8 reported with byte offset 11"
has_line utf8.out "$(grep -m1 '"ICE"' tag1.out | sed 's/"doc": "sample", "path": "sample.txt"/"doc": "a", "path": "a.txt"/')" \
    "invalid UTF-8: the next file still tagged"

# ---- usage errors: exit 2 --------------------------------------------------
run bad-opt tag --no-such-option sample.txt
expect_status bad-opt 2
has_text bad-opt.err "Try 'doctag tag --help'" "bad option: points to the help"
run no-files tag
expect_status no-files 2
run bad-format tag --format xml sample.txt
expect_status bad-format 2
run bad-pages tag --pages 5-2 sample.txt
expect_status bad-pages 2
run bad-pages2 text --pages x sample.txt
expect_status bad-pages2 2
run no-cmd
expect_status no-cmd 2
run bad-cmd frobnicate sample.txt
expect_status bad-cmd 2
run compile-no-out compile sample.txt
expect_status compile-no-out 2

# ---- doctag text -----------------------------------------------------------
run text text sample.txt
expect_status text 0
if cmp -s text.out sample.txt; then pass "text: a text file prints as read"; else fail "text: a text file prints as read"; fi

# ---- models: compile, --model, --dict --------------------------------------
# (a name no shape rule knows: "Outfit" is no body word, so only the user
# dictionary tags it)
cat >mine.dict <<'EOF'
# a user dictionary
@type agency
ZLO = Zorblax Licensing Outfit | ZLO
QBB = Quoted "Back\slash" Bureau
EOF
mine_text='The Zorblax Licensing Outfit (ZLO) wrote to ICE and the Quoted "Back\slash" Bureau.'
printf '%s\n' "$mine_text" >mine.txt

run compile compile -o mine.model mine.dict
expect_status compile 0
if [ -s mine.model ]; then pass "compile: model file written"; else fail "compile: model file written"; fi
run model tag --model mine.model mine.txt
expect_status model 0
valid_jsonl "tag --model: well formed" model.out mine.txt
entities model.out >model.list 2>/dev/null
has_line model.list 'mine|agency|Zorblax Licensing Outfit|4|28|id=ZLO|-' "tag --model: entry of the compiled model"
lacks_line model.list 'mine|agency|ICE|44|47|id=ICE|-' "tag --model: the compiled model holds only its sources"
has_line model.list 'mine|agency|Quoted "Back\slash" Bureau|56|82|id=QBB|-' \
    "tag --model: quote and backslash escaped in JSON"

run dict tag --dict mine.dict mine.txt
expect_status dict 0
entities dict.out >dict.list 2>/dev/null
has_line dict.list 'mine|agency|ZLO|30|33|id=ZLO|-' "tag --dict: user entry added"
has_line dict.list 'mine|agency|ICE|44|47|id=ICE|-' "tag --dict: default model kept"
run nodict tag mine.txt
entities nodict.out >nodict.list 2>/dev/null
lacks_line nodict.list 'mine|agency|ZLO|30|33|id=ZLO|-' "tag without --dict: no user entry"

printf '@type agency\nGOOD = Good Office\nthis line has no equals sign\n' >broken.dict
run broken-dict tag --dict broken.dict sample.txt
expect_status broken-dict 3
has_text broken-dict.err 'broken\.dict:3' "malformed dictionary line reported as file:line (--dict)"
run broken-compile compile -o broken.model broken.dict
expect_status broken-compile 1
has_text broken-compile.err 'broken\.dict:3' "malformed dictionary line reported as file:line (compile)"

run no-model tag --model does-not-exist.model sample.txt
expect_status no-model 3
run text-model tag --model sample.txt sample.txt
expect_status text-model 3
has_text text-model.err '^doctag: sample\.txt: ' "a non-model file given to --model is reported"

# ---- output errors ---------------------------------------------------------
if [ -w /dev/full ]; then
    "$cli" tag sample.txt >/dev/full 2>full.err
    status=$?
    expect_status full 1
else
    skip "writing to a full disk: no /dev/full"
fi

# ---- a large input ---------------------------------------------------------
"$python" -c "import sys; sys.stdout.write(sys.argv[1] * 20000)" "$sample
" >large.txt
run large tag --types agency large.txt
expect_status large 0
if [ "$(wc -l <large.out)" -eq 40000 ]; then pass "large input: every entity"; else fail "large input: every entity" "$(wc -l <large.out) lines"; fi
has_text large.out '"start": 1239975, "end": 1239978' "large input: offsets past 1 MB"

# ---- PDF -------------------------------------------------------------------
# A PDF of known content from groff when it has a PDF device, and the corpus
# PDFs when ../shared is present.
pdf=
if command -v groff >/dev/null 2>&1 &&
   printf '.LP\n%s\n' "$sample" | groff -ms -Tpdf >made.pdf 2>/dev/null &&
   [ "$(head -c 5 made.pdf)" = "%PDF-" ]; then
    pdf=made.pdf
fi
corpus_pdf=
if [ -n "$shared" ] && [ -d "$shared/corpus/pdf" ]; then
    corpus_pdf=$(ls "$shared"/corpus/pdf/*.pdf 2>/dev/null | head -n 1)
fi

run pdf-support text "${pdf:-${corpus_pdf:-sample.txt}}"
if [ -z "$pdf" ] && [ -z "$corpus_pdf" ]; then
    skip "PDF cases: no corpus ($shared) and groff has no PDF device"
elif grep -q 'not supported by this build' pdf-support.err; then
    skip "PDF cases: doctag built without PDF support"
else
    if [ -n "$pdf" ]; then
        run pdf-text text made.pdf
        expect_status pdf-text 0
        has_text pdf-text.out 'Customs Enforcement' "text: extracted from a PDF"
        run pdf-tag tag made.pdf
        expect_status pdf-tag 0
        valid_jsonl "tag PDF: well formed, texts match offsets in 'doctag text'" pdf-tag.out pdf-text.out
        # pages end with a form feed, in place of the break between them
        printf '.LP\n%s\n.bp\n.LP\nThe ICCPR applies to ICE.\n' "$sample" | groff -ms -Tpdf >two.pdf 2>/dev/null
        run two-text text two.pdf
        run two-tag tag two.pdf
        if "$python" -c "import sys; d = open('two-text.out', 'rb').read(); sys.exit(not (d.count(b'\f') == 2 and d.endswith(b'\n\f') and b'\f' in d[:-2]))"; then
            pass "text: a form feed ends each page of a PDF"
        else
            fail "text: a form feed ends each page of a PDF" "$(od -c two-text.out | head -20)"
        fi
        valid_jsonl "text: form feeds move no offset (two pages)" two-tag.out two-text.out
        has_text two-tag.out '"text": "ICCPR".*"page": 2' "tag: an entity on page 2"
        # a word hyphenated across the page break is re-joined and stays on
        # page 1; the feed takes the place of the break after it
        printf '.LP\nThe transportation of goods under the transporta-\n.bp\n.LP\ntion rules of the ICCPR.\n' |
            groff -ms -Tpdf >hyph.pdf 2>/dev/null
        run hyph-text text hyph.pdf
        run hyph-tag tag hyph.pdf
        if "$python" -c "import sys; d = open('hyph-text.out', 'rb').read(); sys.exit(not (d.count(b'\f') == 2 and b'transportation\frules' in d))"; then
            pass "text: a word re-joined across two pages keeps both pages' feeds"
        else
            fail "text: a word re-joined across two pages keeps both pages' feeds" "$(od -c hyph-text.out | head -20)"
        fi
        valid_jsonl "text: form feeds move no offset (a word across two pages)" hyph-tag.out hyph-text.out
        # a page left without text between two (only a page number on it):
        # the break between the others, two bytes, takes both feeds
        printf '.LP\nThe ICCPR applies to ICE.\n.bp\n\\&\n.bp\n.LP\nThe Customs Service applies it too.\n' |
            groff -ms -Tpdf >empty-page.pdf 2>/dev/null
        run empty-text text empty-page.pdf
        if "$python" -c "import sys; d = open('empty-text.out', 'rb').read(); sys.exit(not (d.count(b'\f') == 3 and b'ICE.\f\fThe' in d))"; then
            pass "text: a page without text keeps its feed"
        else
            fail "text: a page without text keeps its feed" "$(od -c empty-text.out | head -20)"
        fi
        # --pdf-readers: several processes read the pages, the output is the same
        run readers-text text --pdf-readers 1 two.pdf
        expect_status readers-text 0
        if cmp -s readers-text.out two-text.out; then pass "text --pdf-readers 1: as auto"; else fail "text --pdf-readers 1: as auto"; fi
        run readers-tag tag --pdf-readers 2 two.pdf
        expect_status readers-tag 0
        if cmp -s readers-tag.out two-tag.out; then pass "tag --pdf-readers 2: as auto"; else fail "tag --pdf-readers 2: as auto"; fi
        run readers-auto tag --pdf-readers auto two.pdf
        expect_status readers-auto 0
        run readers-bad tag --pdf-readers 0 two.pdf
        expect_status readers-bad 2
        has_text readers-bad.err 'pdf-readers' "--pdf-readers 0: a usage error naming the option"
        # highlight: a copy with one highlight annotation per entity
        run hl highlight made.pdf -o made.tagged.pdf
        expect_status hl 0
        if [ "$(head -c 5 made.tagged.pdf 2>/dev/null)" = "%PDF-" ] &&
           qpdf --qdf --object-streams=disable made.tagged.pdf made.qdf.pdf 2>/dev/null; then
            want=$(wc -l <pdf-tag.out)
            got=$(grep -c '/Subtype /Highlight' made.qdf.pdf)
            if [ "$got" -eq "$want" ]; then pass "highlight: one annotation per entity ($got)"; else
                fail "highlight: one annotation per entity" "$got highlights, $want entities"; fi
            # the notes are UTF-16BE hex strings: <feff...>
            "$python" -c "import re, sys; d = open('made.qdf.pdf', 'rb').read(); print('\n'.join(bytes.fromhex(h.decode()).decode('utf-16') for h in re.findall(rb'/Contents <(feff[0-9a-f]*)>', d)))" >notes.list 2>&1
            has_line notes.list 'agency: id=ICE' "highlight: the note holds type and canonical form"
        else
            fail "highlight: writes a PDF" "$(head -c 300 hl.err)"
        fi
        cp made.pdf copy.pdf
        run hl-default highlight --types money copy.pdf
        expect_status hl-default 0
        if [ -s copy.tagged.pdf ]; then pass "highlight: FILE.tagged.pdf by default"; else fail "highlight: FILE.tagged.pdf by default"; fi
        run hl-missing highlight missing.pdf
        expect_status hl-missing 1
        has_line hl-missing.err 'doctag: cannot open missing.pdf: No such file or directory' "highlight: a missing file said so"
        run hl-two highlight made.pdf copy.pdf
        expect_status hl-two 2
        # the limit options, as tag's (options.c)
        run hl-pages highlight --max-pages 1 two.pdf -o two.tagged.pdf
        expect_status hl-pages 1
        has_text hl-pages.err 'pages to read' "highlight --max-pages: over it, said so"
        run hl-bytes highlight --max-bytes 1k made.pdf -o made.small.pdf
        expect_status hl-bytes 1
        run hl-bad highlight --page-ms 0 made.pdf
        expect_status hl-bad 2
        has_text hl-bad.err "bad --page-ms '0'" "highlight --page-ms 0: a usage error naming the option"
        entities pdf-tag.out >pdf-tag.list 2>/dev/null
        has_text pdf-tag.list '^made\|agency\|ICE\|[0-9]+\|[0-9]+\|id=ICE\|1$' "tag PDF: entity on page 1"
        has_text pdf-tag.out '"boxes": \[\[1, [0-9.]+, [0-9.]+, [0-9.]+, [0-9.]+\]' "tag PDF: boxes"
        "$cli" tag - <made.pdf >pdf-stdin.out 2>pdf-stdin.err
        status=$?
        expect_status pdf-stdin 0
        has_text pdf-stdin.out '"doc": "stdin".*"page": 1' "tag -: a PDF on stdin detected by content"
        cp made.pdf made-pdf.txt
        run pdf-as-txt tag made-pdf.txt
        has_text pdf-as-txt.out '"page": 1' "a PDF named .txt is read as a PDF"
        run pdf-pages tag --pages 2- made.pdf
        expect_status pdf-pages 1
        has_text pdf-pages.err '^doctag: made\.pdf: ' "--pages outside the document reported"
        run pdf-pages1 tag --format tsv --pages 1 made.pdf
        expect_status pdf-pages1 0
        has_line pdf-pages1.out "$(printf 'made\tagency\tICE\t37\t40\tid=ICE\t1\tmade.pdf')" "tsv: page column for a PDF"
        # No text layer at all (as a scanned report): an error, named.
        printf ".LP\n\\D'l 1i 0'\n" | groff -ms -Tpdf >scanned.pdf 2>/dev/null
        run scanned tag scanned.pdf a.txt
        expect_status scanned 1
        has_text scanned.err '^doctag: scanned\.pdf: .*text layer' "PDF without a text layer reported"
        if command -v qpdf >/dev/null 2>&1 &&
           qpdf --encrypt secret secret 256 -- made.pdf locked.pdf 2>/dev/null; then
            run locked tag locked.pdf
            expect_status locked 1
            has_text locked.err '^doctag: locked\.pdf: .*(password|encrypt)' "encrypted PDF without --password reported"
            run unlocked tag --password secret locked.pdf
            expect_status unlocked 0
            has_text unlocked.out '"text": "ICE"' "--password opens an encrypted PDF"
        else
            skip "encrypted PDF: no qpdf"
        fi
    else
        skip "groff PDF cases: groff has no PDF device"
    fi
    if [ -n "$corpus_pdf" ]; then
        run corpus-pdf-text text --pages 1 "$corpus_pdf"
        expect_status corpus-pdf-text 0
        if [ -s corpus-pdf-text.out ]; then pass "text --pages 1: corpus PDF has text"; else fail "text --pages 1: corpus PDF has text"; fi
    else
        skip "corpus PDF cases: no corpus"
    fi
    cp sample.txt fake.pdf
    run fake-pdf tag fake.pdf
    expect_status fake-pdf 0
    entities fake-pdf.out >fake-pdf.list 2>/dev/null
    has_line fake-pdf.list 'fake|agency|ICE|37|40|id=ICE|-' "a text file named .pdf is tagged as text"
    printf '%%PDF-1.4\ngarbage, not a PDF body\n' >broken.pdf
    run broken-pdf tag broken.pdf a.txt
    expect_status broken-pdf 1
    has_text broken-pdf.err '^doctag: broken\.pdf: ' "damaged PDF reported, batch goes on"
fi

# ---- the corpus: tag into --out-dir, score ---------------------------------
if [ -n "$shared" ] && [ -d "$shared/corpus/gold" ] && [ -f "$shared/eval/score.py" ]; then
    run corpus tag --out-dir corpus-out "$shared"/corpus/text/*.txt
    expect_status corpus 0
    "$python" "$shared/eval/score.py" "$shared/corpus/gold" corpus-out >score.out 2>score.err
    status=$?
    expect_status score 0
    if tail -n 1 score.out | grep -qE '^micro F1 [0-9]+\.[0-9]+$'; then
        pass "score.py reads the --out-dir output: $(tail -n 1 score.out)"
    else
        fail "score.py reads the --out-dir output" "$(tail -n 3 score.out score.err)"
    fi
else
    skip "corpus scoring: no corpus at '${shared:-unset}'"
fi

# ---- limits and hostile input ----------------------------------------------
# /dev/zero is not read until memory runs out: the input limit stops it.
run zero tag --max-bytes 1000000 /dev/zero sample.txt
expect_status zero 1
has_text zero.err "^doctag: /dev/zero: input too large \(limit\): more than 1000000 bytes" \
    "zero: the input limit is named"
has_text zero.out '"doc": "sample"' "zero: the next file of the batch is tagged"
run zero-default tag /dev/zero
expect_status zero-default 1
has_text zero-default.err "more than 268435456 bytes" "zero: the default limit is 256 MiB"
run max-entities tag --max-entities 1 sample.txt
expect_status max-entities 1
has_text max-entities.err "too many entities in one document \(limit\)" \
    "max-entities: the entity limit is named"
run max-bad tag --max-bytes 0 sample.txt
expect_status max-bad 2
has_text max-bad.err "bad --max-bytes '0'" "--max-bytes 0: a usage error naming the option"
run max-suffix tag --max-bytes 1M sample.txt
expect_status max-suffix 0
run max-suffix-small text --max-bytes 1k /dev/zero
has_text max-suffix-small.err "more than 1024 bytes" "--max-bytes 1k: 1024 bytes (K, M, G suffixes)"

# A pattern that hits its JIT stack limit on a run of "X/A/" skips that
# paragraph, with one warning; the paragraphs around it are tagged.
printf '@type un_symbol\n%%un_symbol = /X(?:\\/ ?[A-Za-z0-9]+(?:[.\\-][A-Za-z0-9]+)*)*\\/ ?\\d+/\n@type agency\nDHS = DHS\n' >deep.dict
"$python" -c "import sys; sys.stdout.write('DHS paid X/1/2.\n\n' + 'X/A/' * 150000 + '\n\nDHS and X/3/4 again.\n')" >deep.txt
"$cli" compile -o deep.model deep.dict >/dev/null 2>&1
run deep tag --model deep.model deep.txt
expect_status deep 0
has_text deep.err "^doctag: deep.txt: warning: un_symbol pattern 0: JIT stack limit reached at bytes 17-600017; region skipped$" \
    "deep: one warning names the skipped region"
if [ "$(wc -l <deep.err)" -eq 1 ] && [ "$(grep -c '"text": "X/' deep.out)" -eq 2 ] &&
    [ "$(grep -c '"text": "DHS"' deep.out)" -eq 2 ]; then
    pass "deep: the rest of the document is tagged"
else
    fail "deep: the rest of the document is tagged" "$(cat deep.out deep.err | head -c 600)"
fi

# A model file from outside is compiled again from its sources (and so
# tags alike); --trusted-model loads its code as it is.
run untrusted tag --model mine.model mine.txt
run trusted tag --trusted-model --model mine.model mine.txt
if [ -s untrusted.out ] && cmp -s untrusted.out trusted.out; then
    pass "model: trusted and untrusted loads tag alike"
else
    fail "model: trusted and untrusted loads tag alike" "$(head -c 300 untrusted.err)"
fi

# ---- memory ----------------------------------------------------------------
if command -v valgrind >/dev/null 2>&1 && [ -z "${DOCTAG_CLI_NO_VALGRIND:-}" ]; then
    # --undef-value-errors=no: pcre2's JIT code (frames "???") trips
    # valgrind's uninitialised-value tracking; reads, writes, frees and
    # leaks are still checked.
    valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --undef-value-errors=no \
        --error-exitcode=99 "$cli" tag --dict mine.dict --format tsv sample.txt missing.txt \
        >valgrind.out 2>valgrind.err
    status=$?
    if [ "$status" -eq 1 ]; then pass "valgrind: no leaks or memory errors"; else
        fail "valgrind: no leaks or memory errors (exit $status)" "$(head -c 1500 valgrind.err)"; fi
else
    skip "valgrind: not installed"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
