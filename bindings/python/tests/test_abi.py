"""The extension is one abi3 binary on the limited API, linked to libdoctag.so.1."""

import os
import re
import shutil
import subprocess

import pytest

import doctag
from doctag import _native

# Private symbols the limited-API headers (3.9-3.13) themselves call.
ALLOWED_PRIVATE = {
    "_Py_Dealloc", "_Py_NoneStruct", "_Py_TrueStruct", "_Py_FalseStruct",
    "_Py_NotImplementedStruct", "_Py_EllipsisObject", "_Py_IncRef", "_Py_DecRef",
    "_PyArg_ParseTuple_SizeT", "_PyArg_ParseTupleAndKeywords_SizeT",
    "_PyArg_VaParse_SizeT", "_PyArg_VaParseTupleAndKeywords_SizeT",
    "_Py_BuildValue_SizeT", "_Py_VaBuildValue_SizeT", "_PyObject_CallFunction_SizeT",
    "_PyObject_CallMethod_SizeT", "_Py_RefTotal", "_Py_NegativeRefcount",
}
# Calls that exist but are not in the 3.9 limited API (used by many
# hand-written extensions): their presence would mean a non-abi3 build.
NOT_IN_LIMITED_39 = {
    "PyUnicode_AsUTF8AndSize", "PyUnicode_AsUTF8", "PyObject_GetBuffer",
    "PyBuffer_Release", "PyType_GetModule", "PyType_GetModuleState",
    "PyModule_AddObjectRef", "PyType_FromModuleAndSpec",
}


def test_module_file_is_abi3():
    assert _native.__file__.endswith("_native.abi3.so"), _native.__file__
    expected = os.environ.get("DOCTAG_NATIVE_PATH")
    if expected:  # under meson test: the freshly built one, not an installed copy
        assert os.path.realpath(_native.__file__) == os.path.realpath(expected)


def test_compiled_with_limited_api():
    assert _native.LIMITED_API == 0x03090000


def _dynamic_symbols(*flags):
    nm = shutil.which("nm")
    if nm is None:
        pytest.skip("nm not installed (binutils): cannot list the extension's symbols")
    out = subprocess.run([nm, "-D", *flags, _native.__file__], check=True,
                         capture_output=True, text=True).stdout
    return {line.split()[-1].split("@")[0] for line in out.splitlines() if line.strip()}


def test_only_limited_api_symbols_are_used():
    undefined = _dynamic_symbols("--undefined-only")
    python = {s for s in undefined if s.startswith(("Py", "_Py"))}
    assert python, "no Python symbols at all? " + repr(sorted(undefined))
    private = {s for s in python if s.startswith("_") and s not in ALLOWED_PRIVATE}
    assert not private, f"non-limited-API symbols: {sorted(private)}"
    assert not python & NOT_IN_LIMITED_39
    # the library is reached through its public ABI only
    doctag_syms = {s for s in undefined if s.startswith("doctag")}
    assert doctag_syms and all(re.fullmatch(r"doctag_[a-z0-9_]+", s) for s in doctag_syms)


def test_only_the_init_function_is_exported():
    defined = _dynamic_symbols("--defined-only")
    assert {s for s in defined if s.startswith("PyInit")} == {"PyInit__native"}
    assert not {s for s in defined if s.startswith(("native_", "Model", "doctag"))}


def test_links_libdoctag_not_libpython():
    readelf = shutil.which("readelf")
    if readelf is None:
        pytest.skip("readelf not installed (binutils)")
    out = subprocess.run([readelf, "-d", _native.__file__], check=True,
                         capture_output=True, text=True).stdout
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)
    assert "libdoctag.so.1" in needed
    assert not [n for n in needed if n.startswith("libpython")]


def test_package_is_typed():
    here = os.path.dirname(doctag.__file__)
    assert os.path.exists(os.path.join(here, "py.typed"))
    assert os.path.exists(os.path.join(here, "_native.pyi"))
