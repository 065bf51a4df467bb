"""doctag.dask on a distributed.LocalCluster with 2 worker processes: the
same entities as `doctag batch`, failures in the manifest, one model per
worker."""

import collections
import json
import os
import pathlib
import shutil
import subprocess

import pytest

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pytest.importorskip("pandas")

import doctag  # noqa: E402
import doctag.dask  # noqa: E402
from conftest import CORPUS  # noqa: E402

CLI = os.environ.get("DOCTAG_CLI")


@pytest.fixture(scope="module")
def reports(tmp_path_factory, tiny_pdf):
    """A folder of reports: the corpus PDFs and texts if present (else the
    tiny PDF), a text, a damaged PDF, and a file that is no document."""
    root = tmp_path_factory.mktemp("reports")
    pdfs = sorted((CORPUS / "pdf").glob("*.pdf")) or [tiny_pdf]
    for p in pdfs:
        shutil.copy(p, root / p.name)
    for p in sorted((CORPUS / "text").glob("*.txt"))[:2]:
        shutil.copy(p, root / p.name)
    (root / "notes.txt").write_text("ICE paid Palantir $91.9 million under the ICCPR.\n")
    (root / "bad").mkdir()
    # a PDF header, then no PDF: damaged whatever the corpus
    (root / "bad" / "damaged.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type" + bytes(range(256)))
    (root / "bad" / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(200))
    return root


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=2, processes=True,
                                       dashboard_address=":0", silence_logs=40)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def key(doc, etype, text, canonical, page, bbox):
    # the CLI prints points with %.2f: the same rounding here
    box = tuple(f"{float(v):.2f}" for v in bbox) if bbox is not None else None
    return (doc, etype, " ".join(text.split()), canonical, page, box)


def cli_entities(root):
    """(doc, type, text, canonical, page, first-page box) from doctag batch."""
    if not CLI or not os.path.exists(CLI):
        pytest.skip("DOCTAG_CLI not set: no CLI to compare with")
    out = subprocess.run([CLI, "batch", "-q", "-j", "2", str(root)], capture_output=True,
                         text=True)
    assert out.returncode == 1, out.stderr   # the damaged PDF and the PNG fail
    found = collections.Counter()
    for line in out.stdout.splitlines():
        o = json.loads(line)
        doc = o["doc"].split("/", 1)[1]   # "reports0/a.pdf" -> "a.pdf"
        bbox = None
        if "boxes" in o:
            first = [b for b in o["boxes"] if b[0] == o["page"]]
            bbox = (min(b[1] for b in first), min(b[2] for b in first),
                    max(b[3] for b in first), max(b[4] for b in first))
        found[key(doc, o["type"], o["text"], o["canonical"], o.get("page"), bbox)] += 1
    return found


def test_read_reports_on_local_cluster_as_cli(client, reports):
    ents, records = doctag.dask.read_reports(str(reports / "**" / "*"), with_manifest=True,
                                             partition_size=2)
    assert ents.npartitions >= 2
    ents, records = dask.compute(ents, records)   # the client's scheduler
    found = collections.Counter()
    for r in ents.itertuples():
        doc = os.path.relpath(r.doc, reports)
        bbox = None if r.page is None or r.x0 != r.x0 else (r.x0, r.y0, r.x1, r.y1)
        page = None if r.page is dask.dataframe.utils.pd.NA else int(r.page)
        found[key(doc, r.type, r.text, r.canonical, page, bbox)] += 1
    assert found == cli_entities(reports)
    # the manifest: every document, failures with their reason
    by_doc = {os.path.relpath(d, reports): s for d, s in zip(records["doc"], records["status"])}
    assert by_doc.pop("bad/damaged.pdf") == "failed"
    assert by_doc.pop("bad/scan.png") == "failed"
    assert set(by_doc.values()) == {"ok"}
    notes = records[records["doc"].str.endswith("notes.txt")].iloc[0]
    assert notes["money"] == 1 and notes["kind"] == "text"
    # the model was opened once in each worker process, not once per task
    counts = client.run(lambda: len(doctag.dask._MODELS))
    assert len(counts) == 2 and all(n <= 1 for n in counts.values())
    assert sum(counts.values()) >= 1


def test_documents_bag(client, reports):
    bag = doctag.dask.documents(reports, partition_size=3)
    docs = bag.compute()
    names = sorted(os.path.relpath(d.source, reports) for d in docs)
    assert "notes.txt" in names and not any(n.startswith("bad/") for n in names)
    ents = {(e.type, e.text) for d in docs if d.source.endswith("notes.txt") for e in d}
    assert ("money", "$91.9 million") in ents
    with pytest.raises(doctag.Error):
        doctag.dask.documents(reports / "bad", errors="raise").compute()


def test_expand_paths(reports):
    got = doctag.dask.expand_paths([reports / "bad", str(reports / "*.txt")])
    assert [pathlib.Path(p).name for p in got][:2] == ["damaged.pdf", "scan.png"]
    assert all(p.endswith(".txt") for p in got[2:]) and "notes.txt" in {pathlib.Path(p).name for p in got}


def test_batch_on_workers_resumes(client, reports, tmp_path):
    if not CLI or not os.path.exists(CLI):
        pytest.skip("DOCTAG_CLI not set")
    zipped = shutil.make_archive(str(tmp_path / "bundle"), "zip", reports, ".")
    out = tmp_path / "out"
    first = doctag.dask.batch([reports, zipped], out, cli=CLI).compute()
    assert [r["returncode"] for r in first] == [1, 1]   # the damaged PDF, the PNG
    assert all(" tagged, 2 failed " in r["summary"] for r in first), first
    records = doctag.dask.read_manifests(out).compute()
    assert len(records) == 2 * len(doctag.dask.expand_paths(reports))
    assert set(records["status"]) == {"ok", "failed"}
    assert records["doc"].str.startswith("bundle.zip!").sum() == len(records) // 2
    again = doctag.dask.batch([reports, zipped], out, cli=CLI).compute()
    assert all(": 0 tagged," in r["summary"] for r in again), again
    assert len(doctag.dask.read_manifests(out).compute()) == len(records)


def test_workers_open_the_model_with_its_limits_and_trust(client, tiny_pdf):
    model = doctag.Model(limits=doctag.Limits(max_pages=1), trusted=True)
    spec = doctag.dask._model_spec(model)
    worker = doctag.dask.worker_model(spec)
    assert worker.limits == model.limits and worker.trusted
    # a spec of (path, dictionaries) alone, as before limits: the defaults
    assert doctag.dask.worker_model((None, ())).limits == doctag.Limits()
    # on the worker processes, which open the model from the spec
    records = doctag.dask.manifest([tiny_pdf], model=model).compute()
    assert records.status.tolist() == ["failed"]
    assert "more than the limit of 1" in records.error.iloc[0]
    assert doctag.dask.manifest([tiny_pdf]).compute().status.tolist() == ["ok"]
