"""Reproducible release archives: the same inputs give the same bytes.

Files are added in sorted order with a fixed timestamp, owner and mode, and the
gzip header carries no time or file name, so two runs on the same commit produce
identical archives and checksums.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import tarfile
import zipfile
from pathlib import Path

from .. import DATA_DIR

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can store
FIXED_EPOCH = 315532800  # the same instant for tar


def collect(root: Path, prefix: str) -> list[tuple[Path, str]]:
    """Every file under ``root``, sorted, with its name inside the archive."""
    files = sorted(p for p in root.rglob("*") if p.is_file())
    return [(p, f"{prefix}/{p.relative_to(root).as_posix()}") for p in files]


def data_files() -> list[tuple[Path, str]]:
    """The data package: datapackage.json and every CSV it describes."""
    return [(p, f"data/{p.name}") for p in sorted(DATA_DIR.iterdir()) if p.suffix in (".csv", ".json")]


def write_zip(files: list[tuple[Path, str]], out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, name in files:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return out


def write_tar_gz(files: list[tuple[Path, str]], out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for path, name in files:
            data = path.read_bytes()
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), FIXED_EPOCH, 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            archive.addfile(info, io.BytesIO(data))
    with open(out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(buffer.getvalue())
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_dist(site: Path, out_dir: Path, name: str = "fall-of-hama") -> list[Path]:
    """Site and data archives (.zip and .tar.gz) plus SHA256SUMS; returns the archive paths."""
    if not (site / "index.html").exists():
        raise FileNotFoundError(f"no built site at {site}: run `make book` first")
    archives = []
    for label, files in (("site", collect(site, f"{name}-site")), ("data", data_files())):
        archives.append(write_zip(files, out_dir / f"{name}-{label}.zip"))
        archives.append(write_tar_gz(files, out_dir / f"{name}-{label}.tar.gz"))
    sums = "".join(f"{sha256(p)}  {p.name}\n" for p in archives)
    (out_dir / "SHA256SUMS").write_text(sums, encoding="utf-8")
    return archives
