"""Bad usage of the command, said in the language asked for.

argparse composes its messages as plain English text. :class:`Parser` reads them
back into the message catalogue, so a usage error can be said in Vietnamese too:
argparse's own messages by their (gettext) message ids, and the messages of the
command's argument types from the :class:`ArgumentMessages` of the parser that
raised them (one per :func:`~cchc_rules.cli.build_parser`, so nothing outlives a
run). A message that matches neither is shown as argparse wrote it.

>>> said = ArgumentMessages()
>>> said.translated("the following arguments are required: file").render("vi")
'thiếu các tham số bắt buộc: file'
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, TypeVar, cast

from ._messages import DEFAULT_LANG, LANGUAGES, Lang, Message, said
from .errors import CchcError

__all__ = ["ArgumentMessages", "Parser", "UsageError", "lang_in"]

T = TypeVar("T")


class UsageError(Exception):
    """Bad usage: its message (a Message) is printed in the language asked for."""


_ARGPARSE: Sequence[tuple[re.Pattern[str], Callable[..., Message]]] = (
    (
        re.compile(r"the following arguments are required: (?P<names>.*)", re.S),
        lambda names: Message("the following arguments are required: {names}", names=names),
    ),
    (
        re.compile(r"unrecognized arguments: (?P<names>.*)", re.S),
        lambda names: Message("unrecognized arguments: {names}", names=names),
    ),
    (
        re.compile(r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)", re.S),
        lambda value, choices: Message(
            "invalid choice: {value} (choose from {choices})", value=value, choices=choices
        ),
    ),
    (re.compile(r"expected one argument"), lambda: Message("expected one argument")),
)
"""argparse's own messages, as it writes them (its gettext message ids), and the
message each is in the catalogue."""

_ARGUMENT = re.compile(r"argument (?P<name>[^:]+): (?P<message>.*)", re.S)


class ArgumentMessages:
    """The messages one parser's argument types raised, by their English text, and
    the reading of argparse's English back into messages."""

    def __init__(self) -> None:
        self._raised: dict[str, Message] = {}

    def checked(self, parse: Callable[[str], T]) -> Callable[[str], T]:
        """``parse`` as an argparse ``type``: the :class:`CchcError` it raises
        becomes argparse's error, its message kept here to be said in any language."""

        def argument(text: str) -> T:
            try:
                return parse(text)
            except CchcError as exc:
                message = said(exc)
                if isinstance(message, Message):
                    self._raised[str(message)] = message
                raise argparse.ArgumentTypeError(message) from None

        argument.__name__ = parse.__name__
        return argument

    def translated(self, message: str) -> str:
        """argparse's ``message`` as a :class:`Message` when it is one argparse or
        an argument type says; else as argparse wrote it."""
        if message in self._raised:
            return self._raised[message]
        match = _ARGUMENT.fullmatch(message)
        if match:
            return Message(
                "argument {name}: {message}",
                name=match["name"],
                message=self.translated(match["message"]),
            )
        for pattern, build in _ARGPARSE:
            match = pattern.fullmatch(message)
            if match:
                return build(**match.groupdict())
        return message


_HEADINGS = {
    "positional arguments": Message("positional arguments"),
    "options": Message("options"),
}
"""argparse's own headings of a help text (its gettext message ids), and the
message each is in the catalogue."""


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, its own words said in ``lang``."""

    def __init__(self, prog: str, lang: Lang) -> None:
        super().__init__(prog)
        self.lang = lang

    def add_usage(
        self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None
    ) -> None:
        if prefix is None:
            prefix = Message("usage: ").render(self.lang)
        super().add_usage(usage, actions, groups, prefix)

    def start_section(self, heading: str | None) -> None:
        known = _HEADINGS.get(heading or "")
        super().start_section(heading if known is None else known.render(self.lang))


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are :class:`UsageError` s that can be said
    in Vietnamese and whose help is said in ``lang`` (its subcommands share its
    :class:`ArgumentMessages`)."""

    messages: ArgumentMessages

    def __init__(
        self, *, messages: ArgumentMessages | None = None, lang: Lang = DEFAULT_LANG, **kw: Any
    ):
        def formatter(*, prog: str) -> argparse.HelpFormatter:
            return _HelpFormatter(prog, lang)

        super().__init__(formatter_class=formatter, add_help=False, **kw)
        self.messages = ArgumentMessages() if messages is None else messages
        self.lang = lang
        self.add_argument(
            "-h", "--help", action="help", help=Message("show this help and exit").render(lang)
        )

    def error(self, message: str) -> NoReturn:
        raise UsageError(
            Message(
                "{prog}: {message} (see --help)",
                prog=self.prog,
                message=self.messages.translated(message),
            )
        )


def lang_in(argv: Sequence[str]) -> Lang:
    """The language asked for with ``--lang`` (the last one wins, as in argparse),
    known before parsing so usage errors can honour it; the default when none is
    given or the one given is not offered.

    >>> lang_in(["grade", "x.csv", "--lang=en"]), lang_in(["grade", "--lang", "fr"])
    ('en', 'vi')
    """
    lang: str = DEFAULT_LANG
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return cast(Lang, lang) if lang in LANGUAGES else DEFAULT_LANG
