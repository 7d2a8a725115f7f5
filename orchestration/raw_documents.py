"""The documents in raw/ and their ids: file name plus a hash of its content and its sidecar, so that
a changed file (or changed metadata) is a new document version."""

import hashlib
from pathlib import Path

from orchestration.parsing.metadata import SIDECAR_SUFFIX

_NOT_DOCUMENTS = {"README.md"}


def document_files(raw_dir: Path) -> list[Path]:
    if not raw_dir.exists():
        return []
    return sorted(
        path for path in raw_dir.iterdir()
        if path.is_file() and not path.name.startswith(".") and not path.name.endswith(SIDECAR_SUFFIX)
        and path.name not in _NOT_DOCUMENTS
    )


def document_id(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes())
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if sidecar.exists():
        digest.update(b"\0sidecar\0" + sidecar.read_bytes())
    return f"{path.name}@{digest.hexdigest()[:12]}"


def scan(raw_dir: Path) -> dict[str, Path]:
    """Every document in raw/ by its id."""
    return {document_id(path): path for path in document_files(raw_dir)}
