"""collectstatic compresses a file once: later runs reuse its .br and .gz copies until it changes."""

import os

from cerobio.core.staticfiles import IncrementalCompressor


def test_a_compressed_file_is_not_compressed_again_until_it_changes(tmp_path, monkeypatch):
    css = tmp_path / "site.css"
    css.write_text("body { color: #00505f; }\n" * 200)
    calls = []
    monkeypatch.setattr(
        IncrementalCompressor, "compress_brotli", staticmethod(lambda data: calls.append(1) or b"x")
    )
    compressor = IncrementalCompressor(quiet=True)

    made = compressor.compress(str(css))
    assert sorted(made) == [str(css) + ".br", str(css) + ".gz"]
    assert compressor.compress(str(css)) == made
    assert len(calls) == 1, "the second run reused the copies"

    css.write_text("body { color: #222; }\n" * 200)
    stat = css.stat()
    os.utime(css, (stat.st_atime, stat.st_mtime + 5))
    compressor.compress(str(css))
    assert len(calls) == 2, "a changed file is compressed again"
