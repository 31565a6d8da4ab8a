"""Release archives are reproducible and hold what they claim."""

import tarfile
import zipfile

from hamabook.build import dist


def _site(tmp_path):
    site = tmp_path / "html"
    (site / "book").mkdir(parents=True)
    (site / "index.html").write_text("<p>home</p>")
    (site / "book" / "intro.html").write_text("<p>intro</p>")
    return site


def test_two_runs_give_identical_checksums(tmp_path):
    site = _site(tmp_path)
    dist.make_dist(site, tmp_path / "a")
    (site / "index.html").touch()  # a newer mtime must not change the bytes
    dist.make_dist(site, tmp_path / "b")
    assert (tmp_path / "a" / "SHA256SUMS").read_text() == (tmp_path / "b" / "SHA256SUMS").read_text()
    assert len((tmp_path / "a" / "SHA256SUMS").read_text().splitlines()) == 4


def test_archives_hold_site_and_data(tmp_path):
    site = _site(tmp_path)
    dist.make_dist(site, tmp_path / "out")
    with zipfile.ZipFile(tmp_path / "out" / "fall-of-hama-site.zip") as z:
        assert z.namelist() == ["fall-of-hama-site/book/intro.html", "fall-of-hama-site/index.html"]
    with tarfile.open(tmp_path / "out" / "fall-of-hama-data.tar.gz") as t:
        names = t.getnames()
    assert "data/datapackage.json" in names and "data/sources.csv" in names


def test_refuses_missing_site(tmp_path):
    import pytest

    with pytest.raises(FileNotFoundError, match="make book"):
        dist.make_dist(tmp_path / "nothing", tmp_path / "out")
