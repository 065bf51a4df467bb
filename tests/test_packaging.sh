#!/usr/bin/env bash
# test_packaging.sh: doctag as users install it, each in a temporary
# directory (removed at the end):
#   1. meson setup --prefix P + meson install: everything lands under P
#      (library, header, doctag.pc, CLI, man page, completions, Python
#      package); `man doctag` works there; a C program (the README's example,
#      examples/tag_report.c, and an errno check) compiles and runs with
#      pkg-config alone, which asks for no poppler development files;
#   2. in a venv of Debian's python3 made with --system-site-packages (it
#      sees python3-mesonpy): pip install --no-build-isolation . works,
#      pip show has the metadata, pip uninstall removes it;
#   3. pip wheel --no-build-isolation . -w dist makes one abi3 wheel that
#      holds libdoctag (no libdoctag.so.1 needed) and installs with plain
#      pip install (no build) into a venv of another interpreter (the pyenv
#      python3 on PATH, or $DOCTAG_OTHER_PYTHON; else a plain venv of
#      Debian's python3 without the system's site-packages).
# No package index is used (pip --no-index). Prints one line per check,
# then "N passed, M failed".
set -u

src=${DOCTAG_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
debian_python=/usr/bin/python3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/doctag-packaging.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1"; [ $# -gt 1 ] && printf '       %s\n' "$2"; return 0; }
skip() { echo "skip - $1"; }
# check DESC COMMAND...: passes when COMMAND succeeds (its output in $tmp/last.log)
check() {
    local desc=$1
    shift
    if "$@" >"$tmp/last.log" 2>&1; then pass "$desc"; else fail "$desc" "$(tail -c 1500 "$tmp/last.log")"; fi
}
sample=$src/samples/sample-report.pdf

# ---- 1. meson install --prefix ---------------------------------------------
P=$tmp/prefix
if meson setup "$tmp/build" "$src" --prefix "$P" -Dtests=disabled \
        -Dpython_path="$debian_python" >"$tmp/setup.log" 2>&1 &&
   ninja -C "$tmp/build" >"$tmp/ninja.log" 2>&1 &&
   meson install -C "$tmp/build" >"$tmp/install.log" 2>&1; then
    pass "meson setup --prefix, build, install"
else
    fail "meson setup --prefix, build, install" "$(tail -c 2000 "$tmp"/setup.log "$tmp"/ninja.log "$tmp"/install.log 2>/dev/null)"
fi
outside=$(grep -E '^Installing .* to ' "$tmp/install.log" | grep -v " to $P/" || true)
if [ -z "$outside" ] && grep -q '^Installing' "$tmp/install.log"; then
    pass "install: every file under the prefix"
else
    fail "install: every file under the prefix" "$outside"
fi
for f in bin/doctag include/doctag.h share/man/man1/doctag.1 share/bash-completion/completions/doctag \
         share/zsh/site-functions/_doctag share/doctag/default.model; do
    if [ -f "$P/$f" ]; then pass "install: $f"; else fail "install: $f"; fi
done
pc=$(find "$P" -name doctag.pc | head -n 1)
if [ -n "$pc" ]; then pass "install: ${pc#"$P"/}"; else fail "install: doctag.pc"; fi
check "install: the CLI runs" "$P/bin/doctag" --version
if command -v man >/dev/null 2>&1; then
    check "man doctag (MANPATH=prefix/share/man)" env MANPATH="$P/share/man" MANWIDTH=80 man -P cat doctag
    grep -q 'EXAMPLES' "$tmp/last.log" || fail "man doctag: shows the page" "$(head -c 300 "$tmp/last.log")"
else
    skip "man doctag: no man"
fi
pkg=$(find "$P" -path '*/doctag/_native.abi3.so' | head -n 1)
if [ -n "$pkg" ]; then
    pass "install: the Python package under the prefix (${pkg#"$P"/})"
    check "install: the Python package imports from the prefix" env PYTHONPATH="$(dirname "$(dirname "$pkg")")" \
        "$debian_python" -c "import doctag, sys; d = doctag.Model().tag_pdf(sys.argv[1]); assert len(d) > 10; assert doctag.__file__.startswith(sys.argv[2]), doctag.__file__" "$sample" "$P"
else
    fail "install: the Python package under the prefix" "$(grep -i python "$tmp/install.log" | head -5)"
fi

# pkg-config alone, seeing only the prefix's .pc (no system .pc files): the
# flags must not demand poppler's or glib's development files.
pcdir=$(dirname "${pc:-/nonexistent/x}")
pkgconf() { PKG_CONFIG_LIBDIR="$pcdir" PKG_CONFIG_PATH= pkg-config "$@"; }
check "pkg-config --cflags --libs doctag needs no other .pc file" pkgconf --cflags --libs doctag
cat >"$tmp/errno_check.c" <<'EOF2'
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <doctag.h>
int main(void)
{
    doctag_doc *doc = NULL;
    int rc = doctag_doc_from_pdf_file(&doc, "/nonexistent/report.pdf", NULL);
    if (rc != DOCTAG_ERR_IO || doctag_last_errno() != ENOENT ||
        strcmp(doctag_last_error(), "cannot open /nonexistent/report.pdf: No such file or directory") != 0)
        return fprintf(stderr, "rc %d errno %d: %s\n", rc, doctag_last_errno(), doctag_last_error()), 1;
    printf("%s (errno %d)\n", doctag_last_error(), doctag_last_errno());
    return 0;
}
EOF2
cc=${CC:-cc}
# the library's directory from pkg-config too: its RUNPATH, no LD_LIBRARY_PATH
libdir=$(pkgconf --variable=libdir doctag 2>/dev/null)
check "C: the README example compiles with pkg-config only" \
    sh -c "$cc -std=c11 -Wall -Werror '$src/examples/tag_report.c' \$(PKG_CONFIG_LIBDIR='$pcdir' pkg-config --cflags --libs doctag) -Wl,-rpath,'$libdir' -o '$tmp/tag_report'"
check "C: the example runs against the prefix" "$tmp/tag_report" "$sample"
if grep -q 'agency' "$tmp/last.log"; then pass "C: the example tags the sample"; else fail "C: the example tags the sample" "$(head -c 300 "$tmp/last.log")"; fi
check "C: doctag_last_errno() through the installed library" \
    sh -c "$cc -std=c11 -Wall -Werror '$tmp/errno_check.c' \$(PKG_CONFIG_LIBDIR='$pcdir' pkg-config --cflags --libs doctag) -Wl,-rpath,'$libdir' -o '$tmp/errno_check' && '$tmp/errno_check'"

# ---- 2. pip install into a venv of Debian's python3 --------------------------
# How a user checks a package: from another directory, with the sample report.
# tag_pdf, and stream_pdf (a thread of the extension's own) giving the same entities
use_doctag='import doctag, sys; m = doctag.Model(); d = m.tag_pdf(sys.argv[1]); print(d); assert len(d) > 10; assert [e for p in m.stream_pdf(sys.argv[1]) for e in p.entities] == d.entities; print(doctag.__file__)'
pip_opts="--no-index --no-cache-dir --disable-pip-version-check"
if ! "$debian_python" -c 'import mesonpy' 2>/dev/null; then
    skip "pip install .: Debian's python3 has no mesonpy (apt-get install python3-mesonpy)"
elif ! "$debian_python" -m venv --system-site-packages "$tmp/venv-deb" >"$tmp/venv.log" 2>&1; then
    fail "venv of Debian's python3" "$(cat "$tmp/venv.log") (apt-get install python3-venv)"
else
    vdeb=$tmp/venv-deb/bin
    check "pip install --no-build-isolation . (Debian python3 venv)" \
        "$vdeb/pip" install $pip_opts --no-build-isolation "$src"
    (cd "$tmp" && check "venv: import doctag; tag_pdf works" "$vdeb/python" -c "$use_doctag" "$sample")
    (cd "$tmp" && "$vdeb/python" -c "$use_doctag" "$sample" 2>/dev/null | grep -q "^$tmp/venv-deb/") &&
        pass "venv: the package comes from the venv" || fail "venv: the package comes from the venv"
    check "pip show doctag" "$vdeb/pip" show doctag
    version=$(sed -n "s/^ *version *: *'\([0-9.]*\)'.*/\1/p" "$src/meson.build" | head -n 1)
    if grep -q "^Version: $version\$" "$tmp/last.log" && grep -q '^Summary: .*[a-z]' "$tmp/last.log"; then
        pass "pip show: version and summary"
    else
        fail "pip show: version and summary" "$(cat "$tmp/last.log")"
    fi
    check "pip uninstall -y doctag" "$vdeb/pip" uninstall -y doctag
    if (cd "$tmp" && "$vdeb/python" -c 'import doctag' 2>/dev/null); then
        fail "pip uninstall: doctag is gone"
    else
        pass "pip uninstall: doctag is gone"
    fi

    # ---- 3. pip wheel, then the wheel alone into another interpreter's venv
    check "pip wheel --no-build-isolation . -w dist" \
        "$vdeb/pip" wheel $pip_opts --no-build-isolation --no-deps "$src" -w "$tmp/dist"
    wheels=$(ls "$tmp"/dist/doctag-*.whl 2>/dev/null)
    if [ "$(printf '%s\n' "$wheels" | grep -c 'abi3')" -eq 1 ] && [ "$(ls "$tmp/dist" | wc -l)" -eq 1 ]; then
        pass "one abi3 wheel: $(basename "$wheels")"
    else
        fail "one abi3 wheel" "$(ls "$tmp/dist" 2>&1)"
    fi
    wheel=$(printf '%s\n' "$wheels" | head -n 1)
    if [ -n "$wheel" ]; then
        mkdir -p "$tmp/unzip"
        "$debian_python" -m zipfile -e "$wheel" "$tmp/unzip" 2>/dev/null
        so=$(find "$tmp/unzip" -name '_native.abi3.so' | head -n 1)
        if [ -n "$so" ] && ! readelf -d "$so" | grep -q 'libdoctag' &&
           [ -z "$(find "$tmp/unzip" -name 'libdoctag*')" ]; then
            pass "wheel: libdoctag linked into the extension (no libdoctag.so needed)"
        else
            fail "wheel: libdoctag linked into the extension" "$(readelf -d "$so" 2>&1 | grep NEEDED)"
        fi
        exported=$(nm -D --defined-only "$so" 2>/dev/null | awk '{print $NF}' | grep -v '^_' | tr '\n' ' ')
        if [ "$exported" = "PyInit__native " ]; then pass "wheel: only PyInit__native exported"; else
            fail "wheel: only PyInit__native exported" "$exported"; fi
    fi
    other=${DOCTAG_OTHER_PYTHON:-$(command -v python3)}
    venv_flags=
    if [ -z "$other" ] || [ "$(readlink -f "$other")" = "$(readlink -f "$debian_python")" ]; then
        other=$debian_python   # no other interpreter here: an isolated venv of Debian's
        echo "note - no second interpreter (pyenv python3): the wheel goes into an isolated venv of $other"
    fi
    if [ -n "$wheel" ] && "$other" -m venv "$tmp/venv-other" >"$tmp/venv2.log" 2>&1; then
        vo=$tmp/venv-other/bin
        check "pip install the wheel, no build ($("$vo/python" -c 'import sys; print(sys.version.split()[0])') venv of $other)" \
            "$vo/pip" install $pip_opts --only-binary :all: "$wheel"
        (cd "$tmp" && check "wheel venv: import doctag; tag_pdf works" "$vo/python" -c "$use_doctag" "$sample")
        (cd "$tmp" && "$vo/python" -c "$use_doctag" "$sample" 2>/dev/null | grep -q "^$tmp/venv-other/") &&
            pass "wheel venv: the package comes from the venv" || fail "wheel venv: the package comes from the venv"
    elif [ -n "$wheel" ]; then
        fail "venv of $other" "$(cat "$tmp/venv2.log")"
    fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
