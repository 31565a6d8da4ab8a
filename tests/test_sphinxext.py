from hamabook.build import sphinxext


def test_sitemap_lists_pages_sorted_with_base(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "_static").mkdir()
    for page in ("index.html", "book/intro.html", "_static/skip.html"):
        (tmp_path / page).write_text("x")
    text = sphinxext.write_sitemap(tmp_path, "https://example.org/hama").read_text()
    assert text.count("<url>") == 2
    assert text.index("book/intro.html") < text.index("index.html")
    assert "<loc>https://example.org/hama/index.html</loc>" in text


def test_inputs_digest_tracks_data_content(monkeypatch, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "x.csv").write_text("a\n1\n")
    monkeypatch.setattr(sphinxext, "DATA_DIR", data)
    monkeypatch.setattr(sphinxext, "ROOT", tmp_path)
    first = sphinxext.inputs_digest()
    assert sphinxext.inputs_digest() == first
    (data / "x.csv").write_text("a\n2\n")
    assert sphinxext.inputs_digest() != first


def test_cache_guard_wipes_cache_and_environment_when_inputs_change(monkeypatch, tmp_path):
    from types import SimpleNamespace

    cache, doctrees = tmp_path / "_build" / ".jupyter_cache", tmp_path / "_build" / ".doctrees"
    for folder in (cache, doctrees):
        folder.mkdir(parents=True)
        (folder / "old").write_text("stale")
    app = SimpleNamespace(outdir=str(tmp_path / "_build" / "html"), doctreedir=str(doctrees))
    config = SimpleNamespace(nb_execution_mode="cache", nb_execution_cache_path="")
    monkeypatch.setattr(sphinxext, "inputs_digest", lambda: "one")
    sphinxext._guard_cache(app, config)
    assert not (cache / "old").exists() and not doctrees.exists()
    assert (cache / "hamabook-inputs.sha256").read_text() == "one"
    doctrees.mkdir()
    (doctrees / "kept").write_text("fresh")
    sphinxext._guard_cache(app, config)  # same inputs: nothing is wiped
    assert (doctrees / "kept").exists()
    monkeypatch.setattr(sphinxext, "inputs_digest", lambda: "two")
    sphinxext._guard_cache(app, config)
    assert not doctrees.exists()
