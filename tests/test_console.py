"""The console: the progress line of a long batch, only on a terminal (the exit
statuses and one-line errors are tested through the command, in test_cli.py)."""

import sys

from cchc_rules._console import Progress


def test_progress_is_shown_only_on_a_terminal(monkeypatch, capsys):
    class Tty:
        def __init__(self):
            self.text = ""

        def isatty(self):
            return True

        def write(self, text):
            self.text += text

        def flush(self):
            pass

    fake = Tty()
    monkeypatch.setattr(sys, "stderr", fake)
    bar = Progress(12_000, "en")
    for _ in range(12_000):
        bar.tick()
    bar.done()
    assert "graded 10,000 of 12,000 rows" in fake.text
    assert fake.text.endswith("graded 12,000 of 12,000 rows\n")
    fake.text = ""
    bar = Progress(12_000, "vi")
    for _ in range(12_000):
        bar.tick()
    bar.done()
    assert fake.text.endswith("đã xếp loại 12,000 / 12,000 dòng\n")
    fake.text = ""
    streamed = Progress(None, "en")  # rows streamed: no total known in advance
    for _ in range(9_999):
        streamed.tick()
    assert fake.text == ""  # nothing for a small batch
    for _ in range(2_001):
        streamed.tick()
    streamed.done()
    assert "graded 10,000 rows" in fake.text
    assert fake.text.endswith("graded 12,000 rows\n")
    monkeypatch.setattr(fake, "isatty", lambda: False)
    quiet = Progress(12_000)
    assert not quiet.on
