from hamabook import sphinxext


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
