"""read_text: encodings editors really send, and files that are not text."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from zhiku.errors import ZhikuError
from zhiku.sources import read_text

TEXT = "兰瑞智库战略决策研究\n2021年11月22日 星期一\n美国 10 月 CPI 增速已突破 6%。“一带一路”——测试…\n"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8", TEXT.encode("utf-8")),
        ("utf8-bom", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
        ("utf16-le", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")),
        ("utf16-be", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")),
        ("gb18030", (TEXT * 3).encode("gb18030")),
        ("gbk", (TEXT * 3).encode("gbk")),
        ("crlf", TEXT.replace("\n", "\r\n").encode("utf-8")),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    got = read_text(path)
    assert got in (TEXT, TEXT * 3)
    assert "\r" not in got and "\ufeff" not in got


@pytest.mark.parametrize(
    "short",
    ["正文。", "一、前言", "name: 兰瑞智库\n", "---\ntitle: 测试\n---\n\n正文。\n", "日期：2021年11月22日"],
)
@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_short_gbk_files_are_read_as_chinese(tmp_path: Path, short: str, encoding: str) -> None:
    # charset-normalizer alone takes a few GBK words for Korean; editors' short files must work.
    path = tmp_path / "short.md"
    path.write_bytes(short.encode(encoding))
    assert read_text(path) == short


def test_old_mac_newlines_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "cr.txt"
    path.write_bytes("第一行\r第二行\r".encode())
    assert read_text(path) == "第一行\n第二行\n"


@pytest.mark.parametrize("data", [b"", b"   \n\n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_empty_file_is_an_error_naming_it(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(ZhikuError) as err:
        read_text(path)
    assert err.value.file == path
    assert "文件是空的" in err.value.message and "the file is empty" in err.value.message


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4,
        bytes(range(1, 32)) * 20,
    ],
)
def test_binary_file_is_an_error_naming_it(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "issue.docx"
    path.write_bytes(data)
    with pytest.raises(ZhikuError) as err:
        read_text(path)
    assert err.value.file == path
    assert "不是文本文件" in err.value.zh and "not a text file" in err.value.en


def test_missing_file_and_folder_are_errors(tmp_path: Path) -> None:
    with pytest.raises(ZhikuError, match="文件不存在 / file not found"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(ZhikuError, match="folder"):
        read_text(tmp_path)
