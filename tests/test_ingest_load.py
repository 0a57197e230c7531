"""Loading into DuckDB: idempotent, replace-on-change, duplicates, and bad input that is
refused with a clear error while the other packs still load."""

import shutil

import duckdb
import pytest

from ingest import store
from ingest.errors import PackError
from ingest.load import load_pack_file, pack_files
from ingest.parse import parse_pack
from ingest.reader import MAX_LINE_CHARS
from tests.conftest import PACKS, pack_path
from warehouse import settings

RAW = ("packs", "documents", "tables", "table_cells", "lines")


def snapshot(con):
    return {
        t: con.execute(f"SELECT * EXCLUDE (extracted_at) FROM raw.{t} ORDER BY ALL").fetchall()
        if t == "packs"
        else con.execute(f"SELECT * FROM raw.{t} ORDER BY ALL").fetchall()
        for t in RAW
    }


@pytest.fixture
def con(tmp_path):
    connection = store.connect(settings.work_db(tmp_path))
    yield connection
    connection.close()


@pytest.fixture
def folder(tmp_path):
    packs = tmp_path / "packs"
    packs.mkdir()
    for path in pack_files(PACKS):
        shutil.copy(path, packs / path.name)
    return packs


def test_all_bundled_packs_load_with_their_rows(con, folder):
    outcomes = [load_pack_file(con, p) for p in pack_files(folder)]
    assert [o.status for o in outcomes] == ["promoted"] * 4
    cell = con.execute(
        "SELECT c.raw_text, c.column_name, c.line_number FROM raw.table_cells c "
        "JOIN raw.packs p USING (pack_id) WHERE p.file_name LIKE '000%' "
        "AND c.row_label = 'Commissioning' AND c.column_name = 'Quarter 1' "
        "AND c.line_number = 1822"
    ).fetchone()
    assert cell == ("9 (3U & 2 PU)", "Quarter 1", 1822)
    line = con.execute(
        "SELECT l.text FROM raw.lines l JOIN raw.packs p USING (pack_id) "
        "WHERE p.file_name LIKE '002%' AND l.line_number = 605"
    ).fetchone()[0]
    assert line == "CAMHS\t263\t88\t33%\t47\t14"


def test_loading_the_same_pack_twice_changes_nothing(con, folder):
    for path in pack_files(folder):
        load_pack_file(con, path)
    before = snapshot(con)
    outcomes = [load_pack_file(con, p) for p in pack_files(folder)]
    assert {o.status for o in outcomes} == {"unchanged"}
    forced = [load_pack_file(con, p, force=True) for p in pack_files(folder)]
    assert {o.status for o in forced} == {"promoted"}
    assert snapshot(con) == before


def test_changed_bytes_replace_the_old_rows(con, folder):
    path = folder / pack_path("001").name
    load_pack_file(con, path)
    old_id = con.execute("SELECT pack_id FROM raw.packs").fetchone()[0]
    path.write_text(path.read_text(encoding="utf-8").replace("Blackpool\t163", "Blackpool\t164"))
    outcome = load_pack_file(con, path)
    assert outcome.status == "promoted" and outcome.pack_id != old_id
    assert con.execute("SELECT count(*) FROM raw.packs").fetchone()[0] == 1
    assert (
        con.execute("SELECT count(*) FROM raw.lines WHERE pack_id = ?", [old_id]).fetchone()[0] == 0
    )
    value = con.execute(
        "SELECT clean_text FROM raw.table_cells WHERE row_label = 'Blackpool' AND col_index = 1"
    ).fetchone()[0]
    assert value == "164"


def test_same_bytes_under_two_names_is_one_pack(con, folder):
    original = folder / pack_path("001").name
    copy = folder / "renamed-copy.txt"
    shutil.copy(original, copy)
    assert load_pack_file(con, original).status == "promoted"
    outcome = load_pack_file(con, copy)
    assert outcome.status == "duplicate" and original.name in outcome.message
    assert con.execute("SELECT count(*) FROM raw.packs").fetchone()[0] == 1


def _bad_input(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"%PDF-1.4\x00\x01\x02\x03" * 100, "binary"),
        ("notext.txt", bytes([0x81, 0x8D, 0x8F]) * 10 + b"\tx\n", "neither UTF-8 nor"),
        ("longline.txt", b"a\tb\n" + b"x" * (MAX_LINE_CHARS * 10) + b"\n", "characters long"),
    ],
)
def test_bad_input_is_refused_with_a_clear_error(tmp_path, con, folder, name, data, problem):
    bad = _bad_input(folder, name, data)
    with pytest.raises(PackError) as error:
        parse_pack(bad)
    assert name in str(error.value) and problem in str(error.value)
    outcomes = {p.name: load_pack_file(con, p) for p in pack_files(folder)}
    assert outcomes[name].status == "error" and problem in outcomes[name].message
    assert sum(o.status == "promoted" for o in outcomes.values()) == 4
    assert con.execute("SELECT count(*) FROM raw.packs").fetchone()[0] == 4
    status = con.execute(
        "SELECT status FROM ops.pack_files WHERE file_name = ?", [name]
    ).fetchone()[0]
    assert status == "error"


def test_cp1252_pack_is_decoded(tmp_path):
    text = pack_path("001").read_text(encoding="utf-8").replace("–", "-").replace("•", "*")
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    pack = parse_pack(path)
    assert pack.text.encoding == "cp1252"
    assert "£34,000" in pack.text.lines[79]
    assert len(pack.tables) == 4


def test_crlf_line_endings_parse_like_lf(tmp_path, parsed_packs):
    path = tmp_path / "crlf.txt"
    path.write_bytes(pack_path("002").read_bytes().replace(b"\n", b"\r\n"))
    pack = parse_pack(path)
    lf = parsed_packs["002"]
    assert pack.text.lines == lf.text.lines
    assert [t.column_names for t in pack.tables] == [t.column_names for t in lf.tables]


def test_failed_promotion_leaves_the_old_rows(con, folder):
    path = folder / pack_path("001").name
    load_pack_file(con, path)
    before = snapshot(con)
    con.execute("DROP TABLE stage.lines")  # the promotion's INSERT will fail midway
    path.write_text(path.read_text(encoding="utf-8") + "\nextra\tline\n")
    with pytest.raises(duckdb.Error):
        load_pack_file(con, path)
    assert snapshot(con) == before


def test_a_pack_without_tables_is_read_for_its_text():
    """Minutes printed without a table (no TAB anywhere) still hold decisions and figures in
    sentences: the pack is read, with no tables, not refused."""
    from ingest.parse import parse_pack_bytes

    text = (
        "Blackpool Council\n\nMINUTES OF THE MEETING OF THE CABINET HELD ON 14 NOVEMBER 2023\n\n"
        "46 COMPLAINTS ANNUAL REPORT 2022/23\n\n"
        "The council received 214 complaints in 2022/23.\n\nRESOLVED: That the report be noted.\n"
    )
    pack = parse_pack_bytes("minutes.txt", text.encode())
    assert pack.tables == []
    assert "214" in [n.number_text for n in pack.prose if n.skip_reason is None]
    assert pack.documents
