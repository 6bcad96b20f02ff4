"""Writing files without losing anyone's work: atomic replacement, and a manifest of what we wrote."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".explainer-export.json"


def leftovers(folder: Path) -> list[Path]:
    """Temporary files that an interrupted `write_atomic` left in `folder` (the file it was replacing is intact)."""
    return sorted(p for p in folder.rglob(".*.tmp") if p.is_file())


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write `path` so that a crash leaves either the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:  # name the file being written, not the temporary one
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private; the file keeps its mode, a new one gets what open() would give it
        os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class ExportPlan:
    """What an export will do to a folder, decided before anything is written."""

    write: dict[str, bytes] = field(default_factory=dict)
    remove: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)   # files we would overwrite but did not write
    kept: list[str] = field(default_factory=list)        # files we wrote once, since changed by someone


def plan_export(folder: Path, files: dict[str, bytes]) -> ExportPlan:
    """Overwrite only files that the last export wrote and nobody changed since; remove our stale ones."""
    written = _manifest(folder)
    plan = ExportPlan()
    for path, data in files.items():
        target = folder / path
        if target.exists() and not _ours(target, written.get(path)):
            plan.conflicts.append(path)
        elif not target.exists() or target.read_bytes() != data:
            plan.write[path] = data
    for path in sorted(set(written) - set(files)):
        target = folder / path
        if target.exists():
            (plan.remove if _ours(target, written[path]) else plan.kept).append(path)
    return plan


def apply_export(folder: Path, plan: ExportPlan, files: dict[str, bytes]) -> None:
    """Write the plan. The manifest first lists, for each file about to change, both what it holds and
    what it will hold, so an export cut short (killed, disk full) is recognised and finished by the next."""
    written = _manifest(folder)
    during = dict(written)
    for path, data in plan.write.items():
        during[path] = sorted(set(written.get(path, [])) | {digest(data)})
    _write_manifest(folder, during)
    for path, data in plan.write.items():
        write_atomic(folder / path, data)
    for path in plan.remove:
        (folder / path).unlink()
    _write_manifest(folder, {path: [digest(data)] for path, data in files.items()})


def _write_manifest(folder: Path, manifest: dict[str, list[str]]) -> None:
    shown = {path: digests[0] if len(digests) == 1 else digests for path, digests in sorted(manifest.items())}
    write_atomic(folder / MANIFEST, json.dumps(shown, indent=1) + "\n")


def _manifest(folder: Path) -> dict[str, list[str]]:
    """Each file the last export wrote, with the digests it may hold (two while an export is under way)."""
    try:
        recorded = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(recorded, dict):
        return {}
    return {path: [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)]
            for path, value in recorded.items() if isinstance(value, (str, list))}


def _ours(path: Path, recorded: list[str] | None) -> bool:
    return bool(recorded) and digest(path.read_bytes()) in recorded
