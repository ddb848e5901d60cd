"""Where the command line writes: ``--output`` only where a file belongs, and
text made safe for a terminal.

``--output`` replaces a regular file atomically (a temporary file beside it,
renamed over it), keeping the file's permissions; a new file gets the
permissions the umask gives. A character device (``/dev/null``, a terminal), a
FIFO, and anything under ``/dev/`` or ``/proc/`` (``/dev/stdout``) is written to
and never replaced. A directory, or one of the input files, is refused. The
temporary file is named ``.<name>.cchc-rules-<pid>.tmp``; it is removed on any
failure, on Ctrl-C and on SIGTERM, and a later run sweeps one left by a process
that no longer exists (killed with SIGKILL, or a machine that lost power).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import TextIO

from ._messages import Message
from .errors import InvalidInputError

__all__ = ["open_output", "printable", "require_output"]

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_CELL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, cell: bool = False) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``), so a name
    holding an ANSI sequence or a carriage return cannot recolour, move or hide
    what the terminal shows. Line breaks and tabs are kept, unless ``cell`` (one
    table cell, where they would break the table). Also escapes the Unicode
    controls that reverse the direction of text.

    >>> printable("Sở\\x1b[2J Nội vụ\\r\\n"), printable("a\\nb", cell=True)
    ('Sở\\\\x1b[2J Nội vụ\\\\x0d\\n', 'a\\\\x0ab')
    """
    pattern = _UNSAFE_IN_CELL if cell else _UNSAFE
    return pattern.sub(_escape, text) if pattern.search(text) else text


# -- --output --------------------------------------------------------------------------

_TMP_SUFFIX = ".tmp"
_ERRORS = "backslashreplace"
"""Text UTF-8 cannot encode (a lone surrogate such as "\\ud800" read from JSON) is
written as its escape: in JSON output that is the same string again."""


def _tmp_prefix(target: Path) -> str:
    return f".{target.name}.cchc-rules-"


def _is_device_path(target: Path) -> bool:
    """A path the system provides (``/dev/stdout``, ``/proc/self/fd/1``): written
    to as it is, whatever it currently points at."""
    absolute = Path(os.path.abspath(target))
    return absolute.parts[1:2] in (("dev",), ("proc",))


def _same_file(a: os.stat_result, b: Path) -> bool:
    try:
        other = b.stat()
    except (OSError, ValueError):
        return False
    return (a.st_dev, a.st_ino) == (other.st_dev, other.st_ino)


def _refuse(reason: Message) -> InvalidInputError:
    return InvalidInputError(reason)


def _sweep(directory: Path, target: Path) -> None:
    """Remove temporary files of ``target`` left by processes that are gone."""
    prefix = _tmp_prefix(target)
    try:
        names = [n for n in os.listdir(directory) if n.startswith(prefix)]
    except OSError:
        return
    for name in names:
        pid_text = name[len(prefix) :].removesuffix(_TMP_SUFFIX)
        if not pid_text.isdigit() or not name.endswith(_TMP_SUFFIX):
            continue
        try:
            os.kill(int(pid_text), 0)
        except ProcessLookupError:
            with contextlib.suppress(OSError):
                (directory / name).unlink()
        except (PermissionError, OverflowError):  # alive (another user's), or nonsense
            continue


@contextlib.contextmanager
def _terminated_cleanly() -> Iterator[None]:
    """SIGTERM raises ``SystemExit`` while a file is being written, so the
    temporary file is removed (the default action would leave it)."""

    def stop(signum: int, _frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def require_output(target: Path, inputs: Sequence[Path] = ()) -> os.stat_result | None:
    """What is at ``target`` now (``None``: nothing), if output may go there: not a
    directory, not one of ``inputs``. Checked before the work starts, and again
    when the output is opened."""
    try:
        info: os.stat_result | None = target.stat()
    except (FileNotFoundError, NotADirectoryError):
        info = None
    except ValueError:  # a NUL in the name
        raise _refuse(
            Message("{file} is not a usable file name", file=ascii(str(target)))
        ) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise _refuse(Message("--output {target} is a directory", target=target))
    if info is not None and any(_same_file(info, p) for p in inputs):
        raise _refuse(Message("--output {target} would overwrite the input file", target=target))
    return info


@contextlib.contextmanager
def open_output(
    target: Path | None, stdout: TextIO, inputs: Sequence[Path] = ()
) -> Iterator[TextIO]:
    """A text stream to write the output to: ``stdout``, or ``target`` as the
    module describes. The output is in place only when the block ends without an
    exception."""
    if target is None:
        yield stdout
        return
    info = require_output(target, inputs)
    if _is_device_path(target) or (info is not None and not stat.S_ISREG(info.st_mode)):
        with open(target, "w", encoding="utf-8", errors=_ERRORS, newline="") as handle:
            yield handle
        return
    real = Path(os.path.realpath(target))  # through a symlink: the link is kept
    directory = real.parent
    _sweep(directory, real)
    tmp = directory / f"{_tmp_prefix(real)}{os.getpid()}{_TMP_SUFFIX}"
    with _terminated_cleanly():
        try:
            # O_EXCL: never through a link planted at the temporary name; 0o666
            # and the umask give a new file the usual permissions.
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_TRUNC, 0o666)
            with os.fdopen(fd, "w", encoding="utf-8", errors=_ERRORS, newline="") as handle:
                if info is not None:
                    os.chmod(handle.fileno(), stat.S_IMODE(info.st_mode))
                yield handle
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, real)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise


def stdout_is_terminal() -> bool:
    """Whether standard output is a terminal (progress lines, colour: none here)."""
    return sys.stdout.isatty()
