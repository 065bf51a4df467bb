"""One Model shared by threads, and sent to worker processes by pickling."""

import concurrent.futures
import multiprocessing
import pickle
import threading

import doctag

TEXTS = [
    "U.S. Immigration and Customs Enforcement (ICE) paid Palantir $91.9 million.",
    "The Human Rights Council adopted A/HRC/RES/47/23 under the ICCPR.",
    "Ärzte ohne Grenzen reported £5 million for the Office of the UN High "
    "Commissioner for Refugees (UNHCR).",
    "The Department of Homeland Security (DHS) and the FBI share data under the "
    "Freedom of Information Act (FOIA).",
] * 25


def summary(doc):
    return [(e.type, e.text, e.start, e.end, e.canonical_raw) for e in doc]


def test_four_threads_one_model_identical_results(model, corpus_texts):
    texts = TEXTS + [p.read_text("utf-8") for p in corpus_texts]
    expected = [summary(model.tag_text(t)) for t in texts]
    results = {}
    errors = []
    start = threading.Barrier(4)

    def work(n):
        try:
            start.wait()
            results[n] = [summary(model.tag_text(t)) for t in texts]
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 4
    for n in range(4):
        assert results[n] == expected


def test_threads_tag_pdfs(model, tiny_pdf):
    expected = summary(model.tag_pdf(tiny_pdf))
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        docs = list(pool.map(lambda _: model.tag_pdf(tiny_pdf), range(16)))
    assert all(summary(d) == expected for d in docs)


def test_model_pickles_by_path_and_dictionaries(tmp_path):
    extra = tmp_path / "omr.dict"
    extra.write_text("@type agency\nOMR = Office of Migration Records | OMR\n")
    m = doctag.Model(extra_dictionaries=[extra])
    back = pickle.loads(pickle.dumps(m))
    assert back.path is None and back.extra_dictionaries == (str(extra),)
    assert back.entry_count == m.entry_count
    text = "The Office of Migration Records shared data with ICE."
    assert summary(back.tag_text(text)) == summary(m.tag_text(text))
    assert back.tag_text(text)[0].canonical == {"id": "OMR"}
    assert pickle.loads(pickle.dumps(doctag.Model())).entry_count == doctag.Model().entry_count


def test_documents_and_entities_pickle(model, tiny_pdf):
    for doc in (model.tag_text(TEXTS[0]), model.tag_pdf(tiny_pdf)):
        back = pickle.loads(pickle.dumps(doc))
        assert back.text == doc.text and back.entities == doc.entities
        assert back.pages == doc.pages and back.page_count == doc.page_count


def test_process_pool(model):
    ctx = multiprocessing.get_context("spawn")  # a fresh interpreter: really unpickles
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=ctx) as pool:
        docs = list(pool.map(model.tag_text, TEXTS[:8]))
    assert [summary(d) for d in docs] == [summary(model.tag_text(t)) for t in TEXTS[:8]]
    assert any(e.text == "$91.9 million" for e in docs[0])
