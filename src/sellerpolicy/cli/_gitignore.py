"""Git's ignore files, honoured when walking folders (as Ruff, ripgrep and pre-commit do).

Inside a Git work tree, a path is ignored when the deepest ``.gitignore`` with a pattern that
matches it says so (a ``!pattern`` re-includes), or ``.git/info/exclude`` does; a folder that
is ignored is not entered, as Git does not. Outside a work tree ``.gitignore`` files mean
nothing, as they mean nothing to Git. The global excludes file (``core.excludesFile``) is not
read: it is one person's, and a check in CI must give every clone the same answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pathspec

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["GitIgnore"]


class GitIgnore:
    """Answers "does Git ignore this path?" for the paths of one walk, reading each file once."""

    def __init__(self) -> None:
        self._specs: dict[Path, pathspec.GitIgnoreSpec | None] = {}
        self._tops: dict[Path, Path | None] = {}

    def ignored(self, path: Path, *, is_dir: bool) -> bool:
        """Whether the ignore files of ``path``'s work tree exclude it."""
        absolute = path.absolute()
        top = self._work_tree(absolute.parent)
        if top is None:
            return False
        # the deepest ignore file that has a say decides, then .git/info/exclude
        folders = [absolute.parent, *absolute.parent.parents]
        for folder in folders[: folders.index(top) + 1]:
            verdict = self._verdict(folder / ".gitignore", folder, absolute, is_dir=is_dir)
            if verdict is not None:
                return verdict
        exclude = top / ".git" / "info" / "exclude"
        return bool(self._verdict(exclude, top, absolute, is_dir=is_dir))

    def _verdict(self, file: Path, base: Path, path: Path, *, is_dir: bool) -> bool | None:
        spec = self._spec(file)
        if spec is None:
            return None
        relative = path.relative_to(base).as_posix() + ("/" if is_dir else "")
        return spec.check_file(relative).include

    def _spec(self, file: Path) -> pathspec.GitIgnoreSpec | None:
        if file not in self._specs:
            try:
                lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:  # none there, or unreadable: Git skips it too
                lines = None
            self._specs[file] = pathspec.GitIgnoreSpec.from_lines(lines) if lines else None
        return self._specs[file]

    def _work_tree(self, folder: Path) -> Path | None:
        """The top of the Git work tree ``folder`` is in (where ``.git`` is), or ``None``."""
        if folder not in self._tops:
            self._tops[folder] = next(
                (c for c in (folder, *folder.parents) if (c / ".git").exists()), None
            )
        return self._tops[folder]
