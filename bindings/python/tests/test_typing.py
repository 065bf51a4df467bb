"""Types: pyright in strict mode on the README's examples
(typecheck/readme_examples.py), and the package's exported types complete
(pyright --verifytypes). Skips when pyright is not installed: `npm install
pyright` (the npm registry) puts it in node_modules/.bin; DOCTAG_PYRIGHT may
name it."""

import os
import pathlib
import shutil
import subprocess
import sys

import pytest

import doctag

HERE = pathlib.Path(__file__).resolve().parent
TYPECHECK = HERE.parent / "typecheck"


def _pyright():
    candidates = [os.environ.get("DOCTAG_PYRIGHT"), shutil.which("pyright")]
    source = os.environ.get("DOCTAG_SOURCE_DIR")
    if source:
        candidates.append(str(pathlib.Path(source) / "node_modules" / ".bin" / "pyright"))
    for c in candidates:
        if c and os.access(c, os.X_OK):
            return c
    pytest.skip("pyright not installed (npm install pyright; or set DOCTAG_PYRIGHT)")


def _run(*args):
    env = dict(os.environ, PYTHONPATH=str(pathlib.Path(doctag.__file__).parent.parent))
    return subprocess.run([_pyright(), "--pythonpath", sys.executable, *args], cwd=TYPECHECK,
                          env=env, capture_output=True, text=True, timeout=300)


def test_readme_examples_pass_pyright_strict():
    proc = _run()
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-1000:]
    assert "0 errors" in proc.stdout


def test_exported_types_are_complete():
    proc = _run("--verifytypes", "doctag", "--ignoreexternal")
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "Type completeness score: 100%" in proc.stdout
